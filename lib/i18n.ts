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

/** The message keys of a count, one per CLDR plural category (English uses one and other). */
type PluralBase<K = MessageKey> = K extends `${infer B}_other` ? B : never;

/**
 * A message that names a count, in the plural form the browser's language needs for `count`
 * ("1 of 1 item", "4,000 of 10,000 items"; in Russian "из 1 материала", "из 5 материалов").
 * Each catalogue holds `<base>_one`, `_few`, `_many` and `_other`; the language's own rules
 * (Intl.PluralRules) choose among them.
 */
export function tPlural(base: PluralBase, count: number, substitutions: (string | number)[]): string {
  let language = 'en';
  try {
    language = browser.i18n.getUILanguage() || 'en';
  } catch {
    // No UI language (a test without one): English rules.
  }
  let category: string;
  try {
    category = new Intl.PluralRules(language).select(count);
  } catch {
    category = new Intl.PluralRules('en').select(count);
  }
  const key = (['one', 'few', 'many'].includes(category) ? `${base}_${category}` : `${base}_other`) as MessageKey;
  return t(key, substitutions);
}
