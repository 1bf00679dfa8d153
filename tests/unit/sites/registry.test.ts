import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { MatchPattern } from 'wxt/utils/match-patterns';
import contentScript from '../../../entrypoints/content';
import { SITES } from '../../../lib/schema/page-context';
import { ADAPTERS, adapterFor } from '../../../lib/sites/registry';
import { FIXTURES, fixtureHtml } from './load-fixture';

/*
 * Keeps the adapter registry honest, as refined-github's build test does for its features:
 * every adapter file is registered, says which URLs it serves and which fixtures pin it, and
 * every fixture stands for a real URL the manifest injects into.
 */

const SITES_DIR = path.resolve(__dirname, '../../../lib/sites');
const adapterFiles = readdirSync(SITES_DIR).filter((f) => {
  const src = readFileSync(path.join(SITES_DIR, f), 'utf8');
  return /export const \w+: SiteAdapter\b/.test(src);
});
const fixtures = readdirSync(FIXTURES).filter((f) => f.endsWith('.html'));

function fixtureUrl(name: string): string {
  const m = /^<!-- Real URL: (\S+)/.exec(fixtureHtml(name));
  if (!m) throw new Error(`${name} does not start with <!-- Real URL: …`);
  return m[1]!;
}

test('every adapter file is registered, once per site', () => {
  expect(adapterFiles.sort()).toEqual(['gmail.ts', 'hubspot.ts', 'linkedin.ts', 'outlook.ts', 'salesforce.ts', 'salesnav.ts']);
  expect(ADAPTERS.map((a) => a.site).sort()).toEqual([...SITES].sort());
});

test.each(adapterFiles)('%s opens with the URLs it serves and fixtures that exist', (file) => {
  const src = readFileSync(path.join(SITES_DIR, file), 'utf8');
  const header = /^\/\*([\s\S]*?)\*\//.exec(src)?.[1] ?? '';
  expect(header).toMatch(/Serves:[\s\S]*https:\/\//);
  const pinned = [...header.matchAll(/tests\/fixtures\/([\w-]+\.html)/g)].map((m) => m[1]!);
  expect(pinned.length).toBeGreaterThan(0);
  for (const name of pinned) expect(fixtures).toContain(name);
});

test.each(fixtures)('%s names its real URL, which the manifest and one adapter serve', (name) => {
  const url = fixtureUrl(name);
  const patterns = (contentScript.matches as string[]).map((p) => new MatchPattern(p));
  expect(patterns.some((p) => p.includes(url))).toBe(true);
  expect(adapterFor(new URL(url))).not.toBeNull();
  expect(ADAPTERS.filter((a) => a.matches(new URL(url)))).toHaveLength(1);
});

test('every fixture is pinned by some adapter', () => {
  const pinned = adapterFiles.flatMap((f) => [...readFileSync(path.join(SITES_DIR, f), 'utf8').matchAll(/tests\/fixtures\/([\w-]+\.html)/g)].map((m) => m[1]));
  for (const name of fixtures) expect(pinned).toContain(name);
});

test('hosts the adapters do not serve get no adapter', () => {
  for (const url of ['https://example.com/', 'https://mail.google.com/chat/u/0/', 'https://www.hubspot.com/products', 'https://outlook.office.com/calendar/view/week']) {
    expect(adapterFor(new URL(url))).toBeNull();
  }
});
