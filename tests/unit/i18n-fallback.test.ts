import { afterEach, expect, test, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { keepOwnCatalogues, t } from '../../lib/i18n';

/*
 * Chromium's restarted service worker answers every i18n.getMessage with "": the background and
 * the pages then read their own copy of the catalogue, in the rep's language, substitutions
 * filled; without one, the key shows, so a gap is noticed.
 */

afterEach(() => {
  vi.restoreAllMocks();
  keepOwnCatalogues({});
});

test('an empty answer from the browser falls back to the bundled catalogue of the rep’s language', () => {
  vi.spyOn(browser.i18n, 'getMessage').mockReturnValue('');
  vi.spyOn(browser.i18n, 'getUILanguage').mockReturnValue('ru-RU');
  expect(t('expiredNotice', ['2026-09-30', 'a@b'])).toBe('expiredNotice');
  keepOwnCatalogues({
    en: { expiredNotice: { message: 'Expired on $1. Ask $2.' } },
    ru: { expiredNotice: { message: 'Истёк $1. Спросите $2.' } },
  });
  expect(t('expiredNotice', ['2026-09-30', 'a@b'])).toBe('Истёк 2026-09-30. Спросите a@b.');
  vi.spyOn(browser.i18n, 'getUILanguage').mockReturnValue('de');
  expect(t('expiredNotice', ['2026-09-30', 'a@b'])).toBe('Expired on 2026-09-30. Ask a@b.');
});
