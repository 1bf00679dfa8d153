/// <reference types="vite/client" />
import { MatchPattern } from 'wxt/utils/match-patterns';
import type { SiteAdapter } from '../../../lib/sites/adapter';
import { SITE_REGISTRY, type SiteEntry } from '../../../lib/sites/registry';

/*
 * The site adapters as the build finds them: by the registry's convention, the adapter of
 * `<site>` is `lib/sites/<site>.ts` exporting `<site>` (see modules/site-scripts.ts). Tests
 * that need "the adapter for this URL" go through the registry's match patterns, as the
 * browser does when it picks the content script.
 */

const modules = import.meta.glob<Record<string, unknown>>('../../../lib/sites/*.ts', { eager: true });

/** The adapter `lib/sites/<site>.ts` exports under the site's name, if any. */
export function adapterOf(site: string): SiteAdapter | undefined {
  return modules[`../../../lib/sites/${site}.ts`]?.[site] as SiteAdapter | undefined;
}

/** The registry entries whose match patterns include the URL: the content scripts a page gets. */
export function entriesFor(url: URL | string): SiteEntry[] {
  const href = typeof url === 'string' ? url : url.href;
  const includes = (patterns: readonly string[] | undefined) => (patterns ?? []).some((p) => new MatchPattern(p).includes(href));
  return SITE_REGISTRY.filter((entry: SiteEntry) => includes(entry.matches) && !includes(entry.excludeMatches));
}

/** The adapter a page's content script carries, or null when no site's script runs there. */
export function adapterFor(url: URL | string): SiteAdapter | null {
  const [entry] = entriesFor(url);
  return entry ? (adapterOf(entry.site) ?? null) : null;
}
