import { browser } from 'wxt/browser';

/** A key of the message catalogue (`public/_locales/en/messages.json`): a misspelt key fails the type check. */
export type MessageKey = keyof typeof import('../public/_locales/en/messages.json');

/**
 * A UI string from `_locales/<lang>/messages.json`, in the browser's language.
 * Placeholders `$1`…`$9` take `substitutions` in order. A key missing at run time (a
 * catalogue out of step with the build) shows as the key, so it is noticed rather than
 * rendered as an empty label.
 */
export function t(key: MessageKey, substitutions?: string | number | (string | number)[]): string {
  const subs = substitutions === undefined ? undefined : [substitutions].flat().map(String);
  const message = browser.i18n.getMessage(key as never, subs as never);
  return message || key;
}
