import { browser } from 'wxt/browser';

/**
 * A UI string from `_locales/<lang>/messages.json`, in the browser's language.
 * Placeholders `$1`…`$9` take `substitutions` in order. A missing key shows as the key,
 * so it is noticed rather than rendered as an empty label.
 */
export function t(key: string, substitutions?: string | number | (string | number)[]): string {
  const subs = substitutions === undefined ? undefined : [substitutions].flat().map(String);
  const message = browser.i18n.getMessage(key as never, subs as never);
  return message || key;
}
