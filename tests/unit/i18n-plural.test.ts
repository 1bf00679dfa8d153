import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { formatDay, tp } from '../../lib/i18n';

/** The browser's i18n as in a browser set to `lang`. */
function speak(lang: 'en' | 'ru') {
  const catalogue = JSON.parse(readFileSync(path.resolve(__dirname, `../../public/_locales/${lang}/messages.json`), 'utf8')) as Record<
    string,
    { message: string }
  >;
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(((key: string, subs?: string[]) =>
    (catalogue[key]?.message ?? '').replace(/\$(\d)/g, (_m, n: string) => subs?.[Number(n) - 1] ?? '')) as never);
}

describe('counts in words follow each language’s plural rules', () => {
  test('English: one, other', () => {
    speak('en');
    expect(tp('optStaleCount', 1)).toMatch(/^You used 1 stale item in/);
    expect(tp('optStaleCount', 2)).toMatch(/^You used 2 stale items in/);
    expect(tp('resultCount', 1)).toBe('1 result');
    expect(tp('resultCount', 0)).toBe('0 results');
    expect(tp('reasonUsed', 1)).toBe('You used it 1 time');
  });

  test('Russian: one, few, many', () => {
    speak('ru');
    expect(tp('optStaleCount', 1)).toMatch(/1 устаревший материал\./);
    expect(tp('optStaleCount', 2)).toMatch(/2 устаревших материала\./);
    expect(tp('optStaleCount', 5)).toMatch(/5 устаревших материалов\./);
    expect(tp('optStaleCount', 21)).toMatch(/21 устаревший материал\./);
    expect(tp('resultCount', 3)).toBe('3 результата');
    expect(tp('resultCount', 11)).toBe('11 результатов');
    expect(tp('reasonUsed', 4)).toBe('Вы использовали его 4 раза');
  });

  test('dates read as words in each language', () => {
    speak('en');
    expect(formatDay('2026-06-30')).toBe('30 Jun 2026');
    speak('ru');
    expect(formatDay('2026-06-30')).toMatch(/^30 июн/);
  });
});
