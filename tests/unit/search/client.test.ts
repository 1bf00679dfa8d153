import { afterEach, describe, expect, it } from 'vitest';
import { bumpLibraryRevision, getMeta, QuiverDb, setMeta } from '../../../lib/db';
import { createSearchEngine } from '../../../lib/search';
import { createSearchClient, type SearchClient } from '../../../lib/search/client';
import { loadSearchSnapshot, openSearchIndex, saveSearchSnapshot } from '../../../lib/search/persist';
import type { SearchPort } from '../../../lib/search/protocol';
import { serveSearchEngine } from '../../../lib/search/serve';
import { item } from './items';

const library = [
  item('fleet', { title: 'Fleet idle time case study', tags: ['fleet'], stages: ['interest'] }),
  item('pricing', { title: 'Pricing objection', stages: ['conversion'], type: 'battlecard' }),
  item('renewal', { title: 'Renewal reminder', stages: ['advocacy'] }),
];

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

/** A client talking to an engine through a real MessageChannel, as a page talks to its worker. */
function connected(): { client: SearchClient; worker: SearchPort } {
  const { port1, port2 } = new MessageChannel();
  const page = port1 as unknown as SearchPort;
  const worker = port2 as unknown as SearchPort;
  const stop = serveSearchEngine(worker, createSearchEngine({ today: () => '2026-01-15' }));
  const client = createSearchClient(page);
  cleanups.push(() => {
    client.close();
    stop();
    port1.close();
    port2.close();
  });
  return { client, worker };
}

describe('the search client', () => {
  it('indexes, searches, edits and reports the size through the worker protocol', async () => {
    const { client } = connected();
    await client.setItems(library);
    expect(client.size).toBe(3);
    expect((await client.search('fleet'))?.map((h) => h.id)).toEqual(['fleet']);
    expect((await client.search('', { stages: ['conversion'] }))?.map((h) => h.id)).toEqual(['pricing']);

    await client.upsert([item('payback', { title: 'Payback snippet', type: 'snippet' })]);
    await client.remove(['fleet']);
    expect(client.size).toBe(3);
    expect(await client.search('fleet')).toEqual([]);
    expect((await client.search('payb'))?.map((h) => h.id)).toEqual(['payback']);

    await client.setUsage(new Map([['renewal', { uses: 4, lastUsedAt: 1 }]]));
    expect((await client.search(''))?.[0]?.id).toBe('renewal');
  });

  it('answers only the newest of searches made while one is running', async () => {
    const { client } = connected();
    await client.setItems(library);
    const typed = ['p', 'pr', 'pri', 'pric'].map((q) => client.search(q));
    const answers = await Promise.all(typed);
    expect(answers.slice(0, 3)).toEqual([null, null, null]);
    expect(answers[3]?.map((h) => h.id)).toEqual(['pricing']);
    // A lone search is never dropped.
    expect((await client.search('renewal'))?.map((h) => h.id)).toEqual(['renewal']);
  });

  it('serialises the index in the worker and loads it into another', async () => {
    const first = connected().client;
    await first.setItems(library);
    const snapshot = await first.serialize();

    const second = connected().client;
    expect(await second.load(snapshot)).toBe(true);
    expect(second.size).toBe(3);
    expect((await second.search('pricing objection'))?.[0]?.id).toBe('pricing');
    expect(await second.load(new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7]))).toBe(false);
  });

  it('rejects a request the worker refuses, and everything once closed', async () => {
    const { client, worker } = connected();
    // A malformed item (no id) fails validation on arrival in the worker.
    await expect(client.setItems([{ title: 'no id' } as never])).rejects.toThrow(/bad request/);
    expect(worker).toBeDefined();

    client.close();
    await expect(client.search('fleet')).rejects.toThrow(/closed/);
  });
});

describe('opening the persisted index', () => {
  it('persists the index on first open, reloads it next time and catches up with edits', async () => {
    const db = new QuiverDb(`search-open-${Math.random()}`);
    cleanups.push(() => void db.delete());
    await db.items.bulkPut(library);

    const first = connected().client;
    const opened = openSearchIndex(db, first);
    await opened.ready;
    expect((await first.search(''))?.length).toBe(3);
    await opened.current;
    const saved = await loadSearchSnapshot(db);
    expect(saved?.byteLength).toBeGreaterThan(0);

    // An edit, as every change to the cache comes: with the library revision moved.
    await db.transaction('rw', db.items, db.meta, async () => {
      await db.items.put(item('renewal', { title: 'Renewal with a telematics upsell', stages: ['advocacy'] }));
      await bumpLibraryRevision(db);
    });
    const second = connected().client;
    const reopened = openSearchIndex(db, second);
    await reopened.ready;
    // Answered from the persisted index, before the edit is seen.
    expect((await second.search('renewal reminder'))?.[0]?.id).toBe('renewal');
    expect(await second.search('telematics')).toEqual([]);
    await reopened.current;
    expect((await second.search('telematics'))?.map((h) => h.id)).toEqual(['renewal']);
    expect(await loadSearchSnapshot(db)).not.toEqual(saved);
  });

  it('loads the index the background saved for this revision and never hands the library over', async () => {
    const db = new QuiverDb(`search-open-${Math.random()}`);
    cleanups.push(() => void db.delete());
    await db.items.bulkPut(library);
    await setMeta(db, 'libraryRevision', 7);
    const built = createSearchEngine();
    built.setItems(library);
    await saveSearchSnapshot(db, built.serialize(), 7);
    expect(await getMeta(db, 'searchIndexRevision')).toBe(7);

    const { client } = connected();
    const handed: string[] = [];
    const setItems = client.setItems.bind(client);
    client.setItems = async (items) => {
      handed.push(...items.map((i) => i.id));
      await setItems(items);
    };
    const opened = openSearchIndex(db, client);
    await opened.ready;
    await opened.current;
    expect(handed).toEqual([]);
    expect((await client.search('renewal reminder'))?.[0]?.id).toBe('renewal');
    expect(client.size).toBe(library.length);

    // Saved for an older revision, the same index is caught up with the library instead.
    await saveSearchSnapshot(db, built.serialize(), 6);
    expect(await getMeta(db, 'searchIndexRevision')).toBeUndefined();
    const again = openSearchIndex(db, client);
    await again.current;
    expect(handed.sort()).toEqual(library.map((i) => i.id).sort());
  });
});
