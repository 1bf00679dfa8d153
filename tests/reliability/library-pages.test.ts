// Node's IndexedDB stand-in must be installed before Dexie loads.
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getMeta, QuiverDb, setMeta, type StoredItem } from '../../lib/db';
import { createApiClient, type ApiClient } from '../../lib/sync/api-client';
import { syncLibrary, type SyncResult } from '../../lib/sync/library-sync';
import { readSkippedItems, readSyncStatus, SYNC_META } from '../../lib/sync/sync-state';
import { contentItem } from '../server/support/content-items';
import { recordFigures } from './support/figures';
import { expectedCache } from './support/library-oracle';
import { CACHED_CURSOR, CACHED_IDS, pageCase, type PageCase } from './support/library-page-cases';
import { startPageServer, type PageServer } from './support/page-server';

/*
 * Item 1, library pages: the real sync client (syncLibrary, Dexie on fake-indexeddb) against a
 * server that answers whatever a generated case says. After every case the cache must be what
 * it was, or exactly what the valid part of the page gives; the cursor moves only with a
 * stored page; every rejection says why in words the options page can show.
 */

const CASES = 1000;
/** Longest reason the options page shows without scrolling a wall of text. */
const READABLE = 500;

let server: PageServer;
let client: ApiClient;
let db: QuiverDb;
let sourceKey: string;
const cached = CACHED_IDS.map((id, i) => ({ ...contentItem(id, { title: `Cached ${i}` }), version: 1, updated_at: '2026-01-01T00:00:00.000Z' }));
const demo = [contentItem('demo-welcome'), contentItem('demo-roi', { type: 'snippet' })];

const tally = { tried: 0, rejected: 0, skippedItems: 0, partly: 0, stored: 0, crashes: 0, lost: 0 };
const coverage = new Map<string, number>();

beforeAll(async () => {
  server = await startPageServer();
  client = createApiClient({ serverUrl: server.url, token: `qv_0123456789abcdef_${'a'.repeat(43)}`, fetch, timeoutMs: 10_000 });
  sourceKey = await client.sourceKey();
  db = new QuiverDb(`reliability-pages-${crypto.randomUUID()}`);
});
afterAll(async () => {
  db.close();
  await server.close();
  recordFigures([
    { item: '1', name: 'library pages · cases tried', value: tally.tried, atLeast: CASES },
    { item: '1', name: 'library pages · rejected whole, with a reason', value: tally.rejected },
    { item: '1', name: 'library pages · stored in part, bad items reported', value: tally.partly },
    { item: '1', name: 'library pages · items skipped and reported', value: tally.skippedItems },
    { item: '1', name: 'library pages · stored whole (hostile but valid)', value: tally.stored },
    { item: '1', name: 'library pages · crashes', value: tally.crashes, atMost: 0 },
    { item: '1', name: 'library pages · cached items lost or corrupted', value: tally.lost, atMost: 0 },
  ]);
});

/** The cache before a case: a server library with its cursor (delta) or the demo library (full). */
async function resetCache(mode: PageCase['mode']): Promise<Map<string, StoredItem>> {
  const items: StoredItem[] = mode === 'delta' ? cached : demo;
  await db.transaction('rw', db.items, db.meta, async () => {
    await db.items.clear();
    await db.meta.clear();
    await db.items.bulkPut(items);
    await setMeta(db, SYNC_META.source, mode === 'delta' ? 'server' : 'demo');
    if (mode === 'delta') {
      await setMeta(db, SYNC_META.cursor, CACHED_CURSOR);
      await setMeta(db, SYNC_META.sourceKey, sourceKey);
    }
  });
  return new Map(items.map((i) => [i.id, i]));
}

async function syncWithin(ms: number): Promise<SyncResult> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`sync did not finish within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([syncLibrary(db, client), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function runCase(c: PageCase): Promise<void> {
  tally.tried += 1;
  for (const tag of c.tags) coverage.set(tag, (coverage.get(tag) ?? 0) + 1);
  const before = await resetCache(c.mode);
  const requestCursor = c.mode === 'delta' ? CACHED_CURSOR : undefined;
  const expected = expectedCache(before, c.mode, requestCursor, c.response);
  server.script([c.response]);

  let result: SyncResult;
  try {
    result = await syncWithin(20_000);
  } catch (error) {
    tally.crashes += 1;
    throw error;
  }
  // A delta sync asks from the cached cursor: a client that lost it would start over.
  expect(server.requests[0] ?? '').toContain(c.mode === 'delta' ? `cursor=${CACHED_CURSOR}` : '/api/v1/library');

  const after = new Map((await db.items.toArray()).map((i) => [i.id, i]));
  const cursor = await getMeta(db, SYNC_META.cursor);
  const want = expected.kind === 'stored' ? expected.items : before;
  const differing = [...new Set([...want.keys(), ...after.keys()])].filter((id) => JSON.stringify(want.get(id)) !== JSON.stringify(after.get(id)));
  tally.lost += differing.filter((id) => before.has(id)).length;
  expect(differing, `cache differs from what the page gives: ${differing.join(', ')}`).toEqual([]);
  expect(after).toEqual(want);

  if (expected.kind === 'untouched') {
    expect(cursor).toBe(requestCursor);
    expect(result.outcome).toBe(expected.outcome);
    if (expected.outcome === 'failed') {
      tally.rejected += 1;
      expect(result.error?.message.length).toBeGreaterThan(0);
      expect(result.error!.message.length).toBeLessThanOrEqual(READABLE);
      expect(await readSyncStatus(db)).toMatchObject({ state: 'error', error: result.error });
    } else {
      tally.stored += 1;
    }
    return;
  }

  expect(result.outcome).toBe('synced');
  expect(cursor).toBe(expected.cursor);
  expect(result.skipped).toHaveLength(expected.skipped);
  for (const s of result.skipped) {
    expect(s.id.length).toBeGreaterThan(0);
    expect(s.id.length).toBeLessThanOrEqual(200);
    expect(s.field.length).toBeGreaterThan(0);
    expect(s.field.length).toBeLessThanOrEqual(READABLE);
    expect(s.message.length).toBeGreaterThan(0);
    expect(s.message.length).toBeLessThanOrEqual(READABLE);
  }
  // The status counts what is reported as skipped, so the rep is told.
  expect((await readSyncStatus(db))?.skipped).toBe((await readSkippedItems(db)).length);
  tally.skippedItems += expected.skipped;
  if (expected.skipped > 0) tally.partly += 1;
  else tally.stored += 1;
}

describe('library pages from a hostile server', () => {
  it(`never corrupt the cached library (${CASES} generated pages)`, async () => {
    // A failure is shrunk to a small page, but not for longer than the test may take.
    await fc.assert(fc.asyncProperty(pageCase, runCase), { numRuns: CASES, interruptAfterTimeLimit: 90_000, markInterruptAsFailure: true });
    // The corpus must really contain what it claims to attack.
    for (const tag of [
      'truncated JSON',
      'invalid UTF-8',
      'deep nesting',
      'huge string',
      'duplicate ids',
      'wrong cursor type',
      'missing field',
      'wrong type',
      'script payload',
      'not a page',
    ]) {
      expect(coverage.get(tag) ?? 0, `cases with ${tag}`).toBeGreaterThanOrEqual(10);
    }
    expect(tally.rejected).toBeGreaterThan(CASES / 10);
    expect(tally.partly).toBeGreaterThan(CASES / 10);
  });
});
