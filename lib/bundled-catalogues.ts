import en from '../public/_locales/en/messages.json';
import ru from '../public/_locales/ru/messages.json';
import { keepOwnCatalogues } from './i18n';

/**
 * The extension's pages and its background keep their own copy of the catalogues, for when
 * Chromium's `i18n.getMessage` answers "" (see keepOwnCatalogues). Content scripts do not: they
 * must stay small, and the labels they show come from the background.
 */
export function keepBundledCatalogues(): void {
  keepOwnCatalogues({ en, ru });
}
