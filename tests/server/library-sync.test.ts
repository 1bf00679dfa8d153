// Node's IndexedDB stand-in must be installed before Dexie loads.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getMeta, QuiverDb, seedDemoLibrary } from '../../lib/db';
import { createApiClient, type ApiClient } from '../../lib/sync/api-client';
import { syncLibrary } from '../../lib/sync/library-sync';
import { readSkippedItems, readSyncStatus, SYNC_META, type SyncProgress } from '../../lib/sync/sync-state';
import { findOrg, setOrgSettings } from '../../server/store/orgs';
import { contentItem, contentItems } from './support/content-items';
import { startGarbageServer } from './support/garbage-server';
import { startTestServer, type TestServer } from './support/test-server';

let server: TestServer;
let token: string;
let db: QuiverDb;
let dbName: string;

beforeEach(async () => {
  server = await startTestServer();
  token = await server.tokenFor('acme', 'rep@acme.test', 'rep');
  dbName = `quiver-sync-${crypto.randomUUID()}`;
  db = new QuiverDb(dbName);
});
afterEach(async () => {
  db.close();
  await server.dispose();
});

const clientFor = (url = server.url, t = token, timeoutMs = 5000): ApiClient => createApiClient({ serverUrl: url, token: t, fetch, timeoutMs });
const cachedIds = async (d = db) => (await d.items.toCollection().primaryKeys()).sort();
const demoItems = [contentItem('demo-welcome'), contentItem('demo-roi-snippet', { type: 'snippet' })];

describe('first sync', () => {
  it('replaces the demo library with the server library and says when and how many', async () => {
    await seedDemoLibrary(db, demoItems);
    await server.setLibrary('acme', [contentItem('alpha'), contentItem('bravo', { title: 'Bravo on the server' })]);

    const result = await syncLibrary(db, clientFor());
    expect(result).toMatchObject({ outcome: 'synced', replaced: true, itemCount: 2, skipped: [] });
    expect(result.upserted.sort()).toEqual(['alpha', 'bravo']);
    expect(await cachedIds()).toEqual(['alpha', 'bravo']);
    expect((await db.items.get('bravo'))?.title).toBe('Bravo on the server');
    expect((await db.items.get('bravo'))?.version).toBe(1);
    expect(await getMeta(db, 'librarySource')).toBe('server');
    expect(await readSyncStatus(db)).toMatchObject({ state: 'ok', itemCount: 2, skipped: 0, lastSyncedAt: expect.any(String) });
    expect((await readSyncStatus(db))?.error).toBeUndefined();
  });

  it('reports progress towards a known total for a large first sync', async () => {
    await server.setLibrary('acme', contentItems(25));
    const seen: SyncProgress[] = [];
    await syncLibrary(db, clientFor(), { pageSize: 10, onProgress: (p) => seen.push(p) });
    expect(seen).toEqual([
      { received: 10, total: 25 },
      { received: 20, total: 25 },
      { received: 25, total: 25 },
    ]);
    expect(await db.items.count()).toBe(25);
  });

  it('stores the org settings (stage map) served with the library', async () => {
    const org = await findOrg(server.db, 'acme');
    await setOrgSettings(server.db, org!.id, { stageMap: { 'Closed Won': 'advocacy' } });
    await syncLibrary(db, clientFor());
    expect(await getMeta(db, SYNC_META.orgSettings)).toEqual({ stageMap: { 'Closed Won': 'advocacy' } });
  });
});

describe('later syncs', () => {
  it('moves only the edits: changed and new items upserted, deleted ones removed', async () => {
    await server.setLibrary('acme', [contentItem('alpha'), contentItem('bravo'), contentItem('charlie')]);
    await syncLibrary(db, clientFor());

    await server.setLibrary('acme', [contentItem('alpha'), contentItem('bravo', { title: 'Bravo v2' }), contentItem('delta')]);
    const result = await syncLibrary(db, clientFor());
    expect(result).toMatchObject({ outcome: 'synced', replaced: false, deleted: ['charlie'], itemCount: 3 });
    expect(result.upserted.sort()).toEqual(['bravo', 'delta']);
    expect(await cachedIds()).toEqual(['alpha', 'bravo', 'delta']);
    expect(await db.items.get('bravo')).toMatchObject({ title: 'Bravo v2', version: 2 });
  });

  it('costs a 304 when nothing changed', async () => {
    await server.setLibrary('acme', [contentItem('alpha')]);
    await syncLibrary(db, clientFor());
    await syncLibrary(db, clientFor()); // learns the ETag of the up-to-date page
    const before = server.logLines.length;
    const result = await syncLibrary(db, clientFor());
    expect(result).toMatchObject({ outcome: 'synced', upserted: [], deleted: [], itemCount: 1 });
    expect(server.logLines.slice(before).map((l) => JSON.parse(l))).toEqual([
      expect.objectContaining({ method: 'GET', route: '/api/v1/library', status: 304 }),
    ]);
  });

  it('starts over when the server no longer knows the stored cursor', async () => {
    await server.setLibrary('acme', [contentItem('alpha')]);
    await syncLibrary(db, clientFor());
    await db.items.put(contentItem('left-over-from-elsewhere'));
    await db.meta.put({ key: SYNC_META.cursor, value: 'abcdef12.99' });
    const result = await syncLibrary(db, clientFor());
    expect(result).toMatchObject({ outcome: 'synced', replaced: true });
    expect(await cachedIds()).toEqual(['alpha']);
  });
});

describe('a sync stopped midway', () => {
  it('resumes a first sync after the last staged page, without losing or repeating a change', async () => {
    await seedDemoLibrary(db, demoItems);
    await server.setLibrary('acme', contentItems(25));
    const stop = new AbortController();
    const first = await syncLibrary(db, clientFor(), { pageSize: 10, signal: stop.signal, onProgress: () => stop.abort() });
    expect(first.outcome).toBe('aborted');
    // The new library waits beside the old one until its last page is in.
    expect(await cachedIds()).toEqual(['demo-roi-snippet', 'demo-welcome']);
    expect(await db.stagedItems.count()).toBe(10);

    // A restarted worker: a new connection to the same database.
    db.close();
    db = new QuiverDb(dbName);
    const progress: SyncProgress[] = [];
    const second = await syncLibrary(db, clientFor(), { pageSize: 10, onProgress: (p) => progress.push(p) });
    expect(second).toMatchObject({ outcome: 'synced', replaced: true, itemCount: 25 });
    // Only the pages after the staged one were asked for.
    expect(progress).toEqual([
      { received: 20, total: 25 },
      { received: 25, total: 25 },
    ]);
    expect(await cachedIds()).toEqual(contentItems(25).map((i) => i.id));
    expect(await db.stagedItems.count()).toBe(0);
  });
});

describe('bad input and faults', () => {
  it('skips invalid items, stores the rest, and reports each skipped one by id and field', async () => {
    await server.setLibrary('acme', [contentItem('alpha'), contentItem('bravo'), contentItem('charlie'), contentItem('delta')]);
    // What a buggy older server or a hand-edited database would serve.
    const org = await findOrg(server.db, 'acme');
    const corrupt = async (id: string, item: string) => {
      const seq = (await server.db.selectFrom('orgs').select('library_seq').where('id', '=', org!.id).executeTakeFirstOrThrow()).library_seq + 1;
      await server.db.updateTable('orgs').set({ library_seq: seq }).where('id', '=', org!.id).execute();
      await server.db.updateTable('content_items').set({ item, seq }).where('org_id', '=', org!.id).where('id', '=', id).execute();
    };
    await corrupt('bravo', JSON.stringify({ ...contentItem('bravo'), stages: ['purchase'] }));
    await corrupt('charlie', '{"id": "charlie", "title": ');

    const result = await syncLibrary(db, clientFor());
    expect(result.outcome).toBe('synced');
    expect(await cachedIds()).toEqual(['alpha', 'delta']);
    expect(result.skipped).toEqual(
      expect.arrayContaining([
        { id: 'bravo', field: 'stages.0', message: expect.any(String) },
        { id: 'charlie', field: expect.any(String), message: expect.any(String) },
      ]),
    );
    expect(await readSyncStatus(db)).toMatchObject({ state: 'ok', itemCount: 2, skipped: 2 });

    // Fixed on the server: the next delta brings it in and the count goes down.
    await server.setLibrary('acme', [contentItem('alpha'), contentItem('bravo'), contentItem('charlie', { title: 'Charlie fixed' }), contentItem('delta')]);
    await syncLibrary(db, clientFor());
    expect(await cachedIds()).toEqual(['alpha', 'bravo', 'charlie', 'delta']);
    expect(await readSyncStatus(db)).toMatchObject({ itemCount: 4, skipped: 0 });
    expect(await readSkippedItems(db)).toEqual([]);
  });

  for (const [what, body, contentType] of [
    ['not JSON', '<html>Sign in to the hotel Wi-Fi</html>', 'text/html'],
    ['JSON of the wrong shape', '{"items": "all of them", "cursor": 7}', 'application/json'],
  ] as const) {
    it(`keeps the cached library untouched when the response is ${what}`, async () => {
      await server.setLibrary('acme', [contentItem('alpha'), contentItem('bravo')]);
      await syncLibrary(db, clientFor());
      const cursor = await getMeta(db, SYNC_META.cursor);
      const garbage = await startGarbageServer(body, 200, contentType);
      try {
        const result = await syncLibrary(db, clientFor(garbage.url));
        expect(result.outcome).toBe('failed');
        expect(result.error?.code).toBe('malformed');
        expect(garbage.requests).toBe(1);
      } finally {
        await garbage.close();
      }
      expect(await cachedIds()).toEqual(['alpha', 'bravo']);
      expect(await getMeta(db, SYNC_META.cursor)).toBe(cursor);
      expect(await getMeta(db, 'librarySource')).toBe('server');
      expect(await readSyncStatus(db)).toMatchObject({ state: 'error', itemCount: 2, error: { code: 'malformed' } });
    });
  }

  it('works from the cache while the server is down, and catches up when it is back', async () => {
    await server.setLibrary('acme', [contentItem('alpha')]);
    await syncLibrary(db, clientFor());
    const { port, dbTarget } = server;
    const lastSynced = (await readSyncStatus(db))?.lastSyncedAt;
    await server.close();

    const down = await syncLibrary(db, clientFor());
    expect(down).toMatchObject({ outcome: 'failed', error: { code: 'unreachable' } });
    expect(await cachedIds()).toEqual(['alpha']);
    expect(await readSyncStatus(db)).toMatchObject({ state: 'error', lastSyncedAt: lastSynced, error: { code: 'unreachable' } });

    server = await startTestServer({ db: dbTarget, port });
    await server.setLibrary('acme', [contentItem('alpha'), contentItem('bravo')]);
    const back = await syncLibrary(db, clientFor());
    expect(back).toMatchObject({ outcome: 'synced', upserted: ['bravo'], replaced: false });
    expect(await readSyncStatus(db)).toMatchObject({ state: 'ok', itemCount: 2 });
    expect((await readSyncStatus(db))?.error).toBeUndefined();
  });

  it('reports a 5xx as a server error and changes nothing', async () => {
    await seedDemoLibrary(db, demoItems);
    const failing = await startGarbageServer('{"error":{"code":"internal","message":"disk full"}}', 503);
    try {
      const result = await syncLibrary(db, clientFor(failing.url));
      expect(result.error).toEqual({ code: 'server', message: expect.stringContaining('503') });
    } finally {
      await failing.close();
    }
    expect(await cachedIds()).toEqual(['demo-roi-snippet', 'demo-welcome']);
  });

  it('says "token rejected" on a 401 and keeps the library it has', async () => {
    await seedDemoLibrary(db, demoItems);
    const result = await syncLibrary(db, clientFor(server.url, `qv_0123456789abcdef_${'x'.repeat(43)}`));
    expect(result).toMatchObject({ outcome: 'failed', error: { code: 'unauthorized', message: 'token rejected' } });
    expect(await readSyncStatus(db)).toMatchObject({ state: 'error', error: { code: 'unauthorized', message: 'token rejected' } });
    expect(await cachedIds()).toEqual(['demo-roi-snippet', 'demo-welcome']);
    expect(await getMeta(db, 'librarySource')).toBe('demo');
  });
});
