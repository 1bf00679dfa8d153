import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { SITES } from '../../../lib/schema/page-context';
import { MatchPattern } from 'wxt/utils/match-patterns';
import { readPageContext } from '../../../lib/sites/page';
import { registryHostPatterns, registryRegionPatterns, SITE_REGISTRY, type SiteEntry } from '../../../lib/sites/registry';
import { FIXTURES, fixtureHtml, loadFixture } from './load-fixture';
import { adapterFor, adapterOf, entriesFor } from './site-adapters';

/*
 * Keeps the site registry honest, as refined-github's build test does for its features: every
 * entry has its adapter file, exporting the adapter under the site's name, which says which
 * URLs it serves and which fixtures pin it; every adapter file has an entry; every fixture
 * stands for a real URL exactly one site's content script runs on.
 */

const SITES_DIR = path.resolve(__dirname, '../../../lib/sites');
const adapterFiles = readdirSync(SITES_DIR).filter((f) => /export const \w+: SiteAdapter\b/.test(readFileSync(path.join(SITES_DIR, f), 'utf8')));
const fixtures = readdirSync(FIXTURES).filter((f) => f.endsWith('.html'));

function fixtureUrl(name: string): string {
  const m = /^<!-- Real URL: (\S+)/.exec(fixtureHtml(name));
  if (!m) throw new Error(`${name} does not start with <!-- Real URL: …`);
  return m[1]!;
}

test('every registry entry has its adapter, and every adapter file an entry', () => {
  expect(SITE_REGISTRY.length).toBeGreaterThanOrEqual(4);
  for (const { site } of SITE_REGISTRY) {
    expect(adapterOf(site), `lib/sites/${site}.ts exports ${site}`).toBeDefined();
    expect(adapterOf(site)!.site).toBe(site);
  }
  for (const entry of SITE_REGISTRY as readonly SiteEntry[]) expect(entry.label.trim()).not.toBe('');
  expect(adapterFiles.sort()).toEqual(SITE_REGISTRY.map((e) => `${e.site}.ts`).sort());
  expect(new Set(SITES).size).toBe(SITE_REGISTRY.length);
});

test('the install-time host permissions are the registry’s match patterns, each valid', () => {
  const patterns = registryHostPatterns();
  for (const p of patterns) expect(p).toMatch(/^https:\/\/(\*\.)?[a-z0-9.-]+\/\*$/);
  expect(new Set(patterns).size).toBe(patterns.length);
  // Every page a content script runs on is covered, and no host beyond the scripts' is asked for.
  const allMatches = SITE_REGISTRY.flatMap((e) => e.matches);
  for (const m of allMatches) expect(patterns.some((p) => new MatchPattern(p).includes(m.replace('*.', 'org.').replace(/\*$/, 'x')))).toBe(true);
  for (const p of patterns) expect(allMatches.some((m) => m.startsWith(p.slice(0, -1)))).toBe(true);
});

test.each(adapterFiles)('%s opens with the URLs it serves and fixtures that exist', (file) => {
  const src = readFileSync(path.join(SITES_DIR, file), 'utf8');
  const header = /^\/\*([\s\S]*?)\*\//.exec(src)?.[1] ?? '';
  expect(header).toMatch(/Serves:[\s\S]*https:\/\//);
  const pinned = [...header.matchAll(/tests\/fixtures\/([\w-]+\.html)/g)].map((m) => m[1]!);
  expect(pinned.length).toBeGreaterThan(0);
  for (const name of pinned) expect(fixtures).toContain(name);
});

test.each(fixtures)('%s names its real URL, which exactly one site’s content script and adapter serve', (name) => {
  const url = fixtureUrl(name);
  expect(entriesFor(url)).toHaveLength(1);
  const adapter = adapterFor(url);
  expect(adapter).not.toBeNull();
  expect(adapter!.serves?.(new URL(url)) ?? true).toBe(true);
});

test('every fixture is pinned by some adapter', () => {
  const pinned = adapterFiles.flatMap((f) => [...readFileSync(path.join(SITES_DIR, f), 'utf8').matchAll(/tests\/fixtures\/([\w-]+\.html)/g)].map((m) => m[1]));
  for (const name of fixtures) expect(pinned).toContain(name);
});

test('pages on hosts no site serves get no content script, and Gmail’s script reads only the mail app', () => {
  for (const url of [
    'https://example.com/',
    'https://www.hubspot.com/products',
    'https://mail.google.com.evil.test/mail/',
    'https://linkedin.com.evil.test/in/x',
  ]) {
    expect(entriesFor(url), url).toEqual([]);
  }
  const chat = new URL('https://mail.google.com/chat/u/0/');
  expect(adapterFor(chat)?.serves?.(chat)).toBe(false);
  const calendar = new URL('https://outlook.office.com/calendar/view/week');
  expect(adapterFor(calendar)?.site).toBe('outlook');
  expect(adapterFor(calendar)?.serves?.(calendar)).toBe(false);
});

test('LinkedIn and Sales Navigator share a host, never a page', () => {
  expect(entriesFor('https://www.linkedin.com/sales/lead/ACwAAB,NAME_SEARCH,x').map((e) => e.site)).toEqual(['salesnav']);
  expect(entriesFor('https://www.linkedin.com/in/someone/').map((e) => e.site)).toEqual(['linkedin']);
  expect(entriesFor('https://www.linkedin.com/sales').map((e) => e.site)).toEqual(['salesnav']);
  expect(entriesFor('https://www.linkedin.com/salesforce-fans/').map((e) => e.site)).toEqual(['linkedin']);
});

test('a site’s other regions are optional hosts only: valid, and not already asked for at install', () => {
  const regions = registryRegionPatterns();
  expect(regions.length).toBeGreaterThan(0);
  for (const p of regions) {
    expect(p).toMatch(/^https:\/\/(\*\.)?[a-z0-9.-]+\/\*$/);
    expect(registryHostPatterns()).not.toContain(p);
  }
  expect(new Set(regions).size).toBe(regions.length);
});

/** A URL on one of the region's hosts, for the same page as `url` (a wildcard host gets the fixture's org name). */
function onRegionHost(url: string, pattern: string): string {
  const u = new URL(url);
  const host = new URL(pattern.replace('/*', '/')).host;
  u.host = host.startsWith('*.') ? `${u.host.split('.')[0]}.${host.slice(2)}` : host;
  return u.href;
}

const regionCases = (SITE_REGISTRY as readonly SiteEntry[]).flatMap((entry) =>
  (entry.regions ?? []).flatMap((region) =>
    fixtures
      .filter((f) => entriesFor(fixtureUrl(f))[0]?.site === entry.site)
      .map((fixture) => ({ site: entry.site, region: region.label, fixture, pattern: region.matches[0]! })),
  ),
);

test.each(regionCases)('$site in $region reads $fixture as on its usual host', async ({ fixture, pattern }) => {
  const usual = fixtureUrl(fixture);
  const there = onRegionHost(usual, pattern);
  // The manifest's own content scripts do not run there: the region's registered one does.
  expect(entriesFor(there)).toEqual([]);
  expect(new MatchPattern(pattern).includes(there)).toBe(true);
  const adapter = adapterFor(usual)!;
  const atHome = readPageContext(adapter, (await loadFixture(fixture, usual)).document, usual);
  const away = readPageContext(adapter, (await loadFixture(fixture, there)).document, there);
  expect({ ...away, url: usual }).toEqual(atHome);
});
