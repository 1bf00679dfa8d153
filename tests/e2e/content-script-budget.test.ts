import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { SITE_REGISTRY } from '../../lib/sites/registry';
import { EXTENSION_DIR } from './support/extension';

/*
 * DESIGN.md's budget for what a supported page loads: at most 40 KB gzipped, read
 * conservatively as 40,000 bytes, not 40 KiB, for each content script the build produces —
 * one per site in lib/sites/registry.ts, each the shared core plus that site's adapter. The
 * palette and the search engine load elsewhere, on demand.
 */
const BUDGET_BYTES = 40_000;

interface ManifestScript {
  matches: string[];
  js?: string[];
  all_frames?: boolean;
}
const manifest = JSON.parse(readFileSync(path.join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as { content_scripts?: ManifestScript[] };
const declared = manifest.content_scripts ?? [];
const builtFiles = readdirSync(path.join(EXTENSION_DIR, 'content-scripts')).filter((f) => f.endsWith('.js'));
const script = (file: string) => readFileSync(path.join(EXTENSION_DIR, file));

test('every site in the registry has its own content script, on its own pages, and there are no others', () => {
  const files = declared.flatMap((s) => s.js ?? []);
  expect(files.sort()).toEqual(SITE_REGISTRY.map((e) => `content-scripts/${e.site}.js`).sort());
  expect(builtFiles.map((f) => `content-scripts/${f}`).sort()).toEqual(files.sort());
  for (const entry of SITE_REGISTRY) {
    const declaredFor = declared.find((s) => s.js?.includes(`content-scripts/${entry.site}.js`))!;
    expect(declaredFor.js).toHaveLength(1);
    expect([...declaredFor.matches].sort()).toEqual([...entry.matches].sort());
    expect(declaredFor.all_frames ?? false).toBe('allFrames' in entry && entry.allFrames);
  }
});

describe.each(SITE_REGISTRY.map((e) => e.site))('the %s content script', (site) => {
  const file = `content-scripts/${site}.js`;

  test('stays within 40 KB gzipped', () => {
    const gzipped = gzipSync(script(file)).length;
    console.log(`${file}: ${gzipped} bytes gzipped`);
    expect(gzipped).toBeGreaterThan(5_000);
    expect(gzipped).toBeLessThanOrEqual(BUDGET_BYTES);
  });

  test('carries no React, no search index and no database', () => {
    const text = script(file).toString('utf8');
    expect(text).not.toMatch(/react\.(transitional\.)?element|__CLIENT_INTERNALS|useState/);
    expect(text).not.toMatch(/ignoreLocation|Dexie|indexedDB\.open/);
  });

  test('carries its own adapter and no other site’s', () => {
    const text = script(file).toString('utf8');
    for (const other of SITE_REGISTRY.map((e) => e.site)) {
      const markers = adapterMarkers(other);
      expect(markers.length, `strings only lib/sites/${other}.ts has`).toBeGreaterThan(0);
      const found = markers.filter((m) => text.includes(m));
      if (other === site) expect(found.length, `${other}'s selectors in ${file}`).toBeGreaterThan(0);
      else expect(found, `${other}'s selectors in ${file}`).toEqual([]);
    }
  });
});

/** String literals (selectors, mostly) written in one adapter's file and in no other source the scripts share. */
function adapterMarkers(site: string): string[] {
  const dir = path.resolve(__dirname, '../../lib');
  const literals = (src: string) => [...src.matchAll(/'([^'\\\n]{12,})'/g)].map((m) => m[1]!);
  const own = literals(readFileSync(path.join(dir, 'sites', `${site}.ts`), 'utf8'));
  const others = ['sites', 'content-script', 'editors', 'schema', 'templates']
    .flatMap((d) => readdirSync(path.join(dir, d)).map((f) => path.join(dir, d, f)))
    .filter((f) => f.endsWith('.ts') && f !== path.join(dir, 'sites', `${site}.ts`))
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n');
  return own.filter((s) => !others.includes(s));
}
