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
  return message || fromOwnCatalogue(key, subs ?? []) || key;
}

type Catalogue = Record<string, { message: string }>;
let ownCatalogues: Record<string, Catalogue> | undefined;

/**
 * Gives this context its own copy of the catalogues, for when the browser's answers nothing:
 * Chromium's service worker, once restarted, answers every `i18n.getMessage` with "" (seen after
 * the rep closes a tab). The background passes them; pages and content scripts need not.
 */
export function keepOwnCatalogues(catalogues: Record<string, Catalogue>): void {
  ownCatalogues = catalogues;
}

function fromOwnCatalogue(key: string, subs: string[]): string {
  if (!ownCatalogues) return '';
  let language = 'en';
  try {
    language = browser.i18n.getUILanguage().slice(0, 2);
  } catch {
    // No UI language: English.
  }
  const message = (ownCatalogues[language] ?? ownCatalogues.en)?.[key]?.message;
  return message ? message.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '') : '';
}

/** A catalogue key with plural forms: `optStaleCount` for `optStaleCount_one` … `optStaleCount_other`. */
export type PluralKey = MessageKey extends infer K ? (K extends `${infer Base}_other` ? Base : never) : never;

/** The language of the catalogue in use, for plural rules and dates: "en-GB", "ru". */
export function uiLocale(): string {
  const locale = t('uiLocale');
  return locale === 'uiLocale' ? 'en-GB' : locale;
}

/**
 * A count in words, by the plural rules of the catalogue's language (`Intl.PluralRules`):
 * "1 stale item", "2 устаревших материала", "5 устаревших материалов". Each catalogue has the
 * forms `_one`, `_few`, `_many`, `_other`; `$1` is the count.
 */
export function tp(key: PluralKey, count: number, more: (string | number)[] = []): string {
  const form = new Intl.PluralRules(uiLocale()).select(count);
  const forms = { zero: 'other', one: 'one', two: 'other', few: 'few', many: 'many', other: 'other' } as const;
  return t(`${key}_${forms[form]}` as MessageKey, [count.toLocaleString(uiLocale()), ...more]);
}

/** A YYYY-MM-DD date as the rep reads it: "30 Jun 2026", "30 июн. 2026 г.". */
export function formatDay(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(uiLocale(), { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(date);
}
