import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from 'vitest';
import { EXTENSION_DIR } from './support/extension';

// DESIGN.md's budget for the script injected into every supported page. Read conservatively:
// 40,000 bytes, not 40 KiB. The palette and the search engine load elsewhere, on demand.
const BUDGET_BYTES = 40_000;

test('the content script of the built extension stays within 40 KB gzipped', () => {
  const script = readFileSync(path.join(EXTENSION_DIR, 'content-scripts', 'content.js'));
  const gzipped = gzipSync(script).length;
  expect(gzipped).toBeGreaterThan(5_000);
  expect(gzipped).toBeLessThanOrEqual(BUDGET_BYTES);
});

test('the content script carries no React, no search index and no database', () => {
  const script = readFileSync(path.join(EXTENSION_DIR, 'content-scripts', 'content.js'), 'utf8');
  expect(script).not.toMatch(/react\.(transitional\.)?element|__CLIENT_INTERNALS|useState/);
  expect(script).not.toMatch(/ignoreLocation|Dexie|indexedDB\.open/);
});
