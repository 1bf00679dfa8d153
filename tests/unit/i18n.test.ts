import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';

/*
 * The message catalogues. The English one is the type of every key the code may ask for
 * (lib/i18n.ts: a misspelt key fails the type check); every other language must have exactly
 * its keys, with the same placeholders, or a rep in that language reads English, or a hole.
 */

const LOCALES = path.resolve(__dirname, '../../public/_locales');
const catalogue = (lang: string) => JSON.parse(readFileSync(path.join(LOCALES, lang, 'messages.json'), 'utf8')) as Record<string, { message: string }>;
const placeholders = (message: string) => [...message.matchAll(/\$(\d)/g)].map((m) => m[1]).sort();
const en = catalogue('en');

test.each(readdirSync(LOCALES).filter((lang) => lang !== 'en'))('the %s catalogue has every English key, with the same placeholders', (lang) => {
  const other = catalogue(lang);
  expect(Object.keys(other).sort()).toEqual(Object.keys(en).sort());
  for (const [key, { message }] of Object.entries(en)) {
    expect(other[key]!.message.trim(), key).not.toBe('');
    expect(placeholders(other[key]!.message), key).toEqual(placeholders(message));
  }
});
