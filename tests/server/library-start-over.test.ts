// Node's IndexedDB stand-in must be installed before Dexie loads.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LibraryService } from '../../lib/background/library-service';
import { SyncIndex } from '../../lib/background/sync-index';
import { getMeta, QuiverDb, seedDemoLibrary, type StoredItem } from '../../lib/db';
import type { JourneyStage } from '../../lib/schema/content';
import { createSearchEngine, type SearchEngine } from '../../lib/search';
import { loadSearchSnapshot } from '../../lib/search/persist';
import { createApiClient } from '../../lib/sync/api-client';
import { syncLibrary } from '../../lib/sync/library-sync';
import { readSyncStatus, type SyncProgress } from '../../lib/sync/sync-state';
import { findOrg } from '../../server/store/orgs';
import { contentItem } from './support/content-items';
import { startTestServer, type TestServer } from './support/test-server';

/*
 * Issue 14, items 1 and 6: a start-over sync stages the new library and swaps it in with its
 * last page; the background indexes it as it arrives and persists the index with that page.
 * Against a real server on loopback with a SQLite file, into Dexie (fake-indexeddb).
 */

let server: TestServer;
let token: string;
let db: QuiverDb;

beforeEach(async () => {
  server = await startTestServer();
  token = await server.tokenFor('acme', 'rep@acme.test', 'rep');
  db = new QuiverDb(`quiver-start-over-${crypto.randomUUID()}`);
});
afterEach(async () => {
  db.close();
  await server.dispose();
});

const clientFor = (url = server.url, t = token) => createApiClient({ serverUrl: url, token: t, fetch, timeoutMs: 5000 });
const cachedIds = async () => (await db.items.toCollection().primaryKeys()).sort();

const WORDS = ['fleet', 'idle', 'routing', 'warehouse', 'renewal', 'pricing', 'onboarding', 'security', 'forecast', 'churn', 'dispatch', 'invoice'];
const STAGES: JourneyStage[] = ['awareness', 'interest', 'engagement', 'conversion', 'advocacy'];
function library(count: number, prefix: string, edit = '') {
  return Array.from({ length: count }, (_, i) => {
    const w = (k: number) => WORDS[(i * 7 + k) % WORDS.length]!;
    return contentItem(`${prefix}-${String(i).padStart(3, '0')}`, {
      title: `${w(0)} ${w(1)} playbook ${i}${edit}`,
      stages: [STAGES[i % 5]!, STAGES[(i + 2) % 5]!],
      tags: [w(2), w(3)],
      summary: `How ${w(4)} teams handle ${w(5)}.`,
      body: `Hi {{first_name | there}},\n\n${w(6)} ${w(7)} ${w(8)} notes for item ${i}.\n`,
    });
  });
}
const QUERIES: [string, JourneyStage[]?][] = [
  [''],
  ['fleet'],
  ['fle'],
  ['routng'],
  ['warehouse pricing'],
  ['playbook 17'],
  ['renewal', ['conversion']],
  ['secrity onboard'],
  ['notes item'],
  ['zzz'],
];
const answers = (engine: SearchEngine) => QUERIES.map(([q, stages]) => engine.search(q, { ...(stages ? { stages } : {}), limit: 20 }).map((h) => h.id));
const rebuilt = async () => {
  const engine = createSearchEngine();
  engine.setItems(await db.items.toArray());
  return engine;
};

describe('index as you sync', () => {
  it('builds, page by page, the same index a full rebuild of the synced library gives, and persists it with the last page', async () => {
    await seedDemoLibrary(db, [contentItem('demo-welcome')]);
    await server.setLibrary('acme', library(60, 'a'));
    const service = new LibraryService(db);
    const progress: SyncProgress[] = [];
    const result = await syncLibrary(db, clientFor(), { pageSize: 7, indexer: new SyncIndex(service), onProgress: (p) => progress.push(p) });
    expect(result).toMatchObject({ outcome: 'synced', replaced: true, itemCount: 60 });
    expect(progress.at(-1)).toEqual({ received: 60, total: 60 });

    // When the status says synced, the background's engine already holds every item.
    expect(await readSyncStatus(db)).toMatchObject({ state: 'ok', itemCount: 60 });
    const engine = await service.getEngine();
    expect(engine.size).toBe(60);
    expect(answers(engine)).toEqual(answers(await rebuilt()));
    expect(answers(engine)[1]!.length).toBeGreaterThan(0);

    // The persisted index is of this revision, and answers the same once loaded.
    expect(await getMeta(db, 'searchIndexRevision')).toBe(await getMeta(db, 'libraryRevision'));
    const loaded = createSearchEngine();
    expect(loaded.load((await loadSearchSnapshot(db))!)).toBe(true);
    expect(answers(loaded)).toEqual(answers(await rebuilt()));

    // A later delta (edits, additions, deletions) edits the same index in place.
    await server.setLibrary('acme', [...library(40, 'a', ' revised'), ...library(15, 'b')]);
    const delta = await syncLibrary(db, clientFor(), { pageSize: 9, indexer: new SyncIndex(service) });
    expect(delta).toMatchObject({ outcome: 'synced', replaced: false, itemCount: 55 });
    const after = await service.getEngine();
    expect(after).toBe(engine);
    expect(answers(after)).toEqual(answers(await rebuilt()));
    expect(after.search('revised', { limit: 100 })).toHaveLength(40);
    const reloaded = createSearchEngine();
    reloaded.load((await loadSearchSnapshot(db))!);
    expect(answers(reloaded)).toEqual(answers(await rebuilt()));
    expect(await getMeta(db, 'searchIndexRevision')).toBe(await getMeta(db, 'libraryRevision'));
  });
});

describe('a start-over sync that fails midway', () => {
  it('leaves the demo library whole and searchable, then swaps the server library in one step', async () => {
    await seedDemoLibrary(db, [
      contentItem('demo-welcome', { title: 'Welcome to Quiver' }),
      contentItem('demo-roi', { title: 'ROI snippet', type: 'snippet' }),
    ]);
    await server.setLibrary('acme', library(30, 'a'));
    const service = new LibraryService(db);
    const revisionBefore = await getMeta(db, 'libraryRevision');

    // The server goes away after the first page is staged.
    let pages = 0;
    const failed = await syncLibrary(db, clientFor(), {
      pageSize: 10,
      indexer: new SyncIndex(service),
      onProgress: () => {
        if (++pages === 1) void server.close();
      },
    });
    expect(failed.outcome).toBe('failed');
    expect(failed.error?.code).toBe('unreachable');
    expect(await cachedIds()).toEqual(['demo-roi', 'demo-welcome']);
    expect(await getMeta(db, 'librarySource')).toBe('demo');
    expect(await getMeta(db, 'libraryRevision')).toBe(revisionBefore);
    expect(await readSyncStatus(db)).toMatchObject({ state: 'error', itemCount: 2 });
    const engine = await service.getEngine();
    expect(engine.search('welcome').map((h) => h.id)).toEqual(['demo-welcome']);
    expect(engine.search('playbook')).toEqual([]);

    // Back up on the same database: the sync resumes and the new library replaces the old whole.
    const again = await startTestServer({ db: server.dbTarget });
    server = again;
    const done = await syncLibrary(db, clientFor(again.url), { pageSize: 10, indexer: new SyncIndex(service) });
    expect(done).toMatchObject({ outcome: 'synced', replaced: true, itemCount: 30 });
    expect(await cachedIds()).toEqual(library(30, 'a').map((i) => i.id));
    expect((await service.getEngine()).search('welcome')).toEqual([]);
    expect((await service.getEngine()).search('playbook', { limit: 100 })).toHaveLength(30);
  });

  it("keeps another server's library until the new one is complete", async () => {
    await server.setLibrary('acme', library(12, 'old'));
    await syncLibrary(db, clientFor());
    expect(await db.items.count()).toBe(12);

    const other = await startTestServer();
    try {
      const otherToken = await other.tokenFor('beta', 'rep@beta.test', 'rep');
      await other.setLibrary('beta', library(25, 'new'));
      let pages = 0;
      const failed = await syncLibrary(db, clientFor(other.url, otherToken), {
        pageSize: 10,
        onProgress: () => {
          if (++pages === 2) void other.close();
        },
      });
      expect(failed.outcome).toBe('failed');
      expect(await cachedIds()).toEqual(library(12, 'old').map((i) => i.id));
      expect(await db.stagedItems.count()).toBe(20);
    } finally {
      await other.dispose();
    }
  });
});

describe('lenient parsing', () => {
  it('keeps an item that carries fields this version does not know, without them', async () => {
    await server.setLibrary('acme', [contentItem('alpha'), contentItem('bravo')]);
    // What a newer server would serve: the same item with a field added.
    const org = await findOrg(server.db, 'acme');
    const seq = (await server.db.selectFrom('orgs').select('library_seq').where('id', '=', org!.id).executeTakeFirstOrThrow()).library_seq + 1;
    await server.db.updateTable('orgs').set({ library_seq: seq }).where('id', '=', org!.id).execute();
    await server.db
      .updateTable('content_items')
      .set({ item: JSON.stringify({ ...contentItem('bravo'), audience: { region: 'emea' }, localized_titles: ['x'] }), seq })
      .where('org_id', '=', org!.id)
      .where('id', '=', 'bravo')
      .execute();

    const result = await syncLibrary(db, clientFor());
    expect(result).toMatchObject({ outcome: 'synced', skipped: [], itemCount: 2 });
    const bravo = (await db.items.get('bravo')) as StoredItem & Record<string, unknown>;
    expect(bravo.title).toBe('Case study bravo');
    expect(bravo.audience).toBeUndefined();
    expect(await readSyncStatus(db)).toMatchObject({ skipped: 0 });
  });
});
