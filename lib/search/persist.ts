import { getMeta, setMeta, type ItemUsage, type QuiverDb } from '../db';
import type { SearchClient } from './client';
import { isByteArray } from './protocol';
import type { UsageSignal } from './types';

/** Where the serialised index lives: one value in Dexie's meta table. */
export const SEARCH_INDEX_KEY = 'searchIndex';

export async function loadSearchSnapshot(db: QuiverDb): Promise<Uint8Array | undefined> {
  const value = await getMeta(db, SEARCH_INDEX_KEY);
  return isByteArray(value) ? value : undefined;
}

/**
 * Saves an index. With the library revision it was built from it is marked current, and a
 * page that opens at that revision needs nothing more than to load it.
 */
export async function saveSearchSnapshot(db: QuiverDb, snapshot: Uint8Array, revision?: number): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    await setMeta(db, SEARCH_INDEX_KEY, snapshot);
    const now = (await getMeta(db, 'libraryRevision')) ?? 0;
    if (revision !== undefined && revision === now) await setMeta(db, 'searchIndexRevision', revision);
    else await db.meta.delete('searchIndexRevision');
  });
}

/**
 * The persisted index if it is the library's at its current revision (the background saves it
 * with the page that completes a sync), else undefined.
 */
export async function loadCurrentSnapshot(db: QuiverDb): Promise<{ snapshot: Uint8Array; revision: number } | undefined> {
  return db.transaction('r', db.meta, async () => {
    const [revision, indexRevision] = await Promise.all([getMeta(db, 'libraryRevision'), getMeta(db, 'searchIndexRevision')]);
    if (indexRevision === undefined || indexRevision !== (revision ?? 0)) return undefined;
    const snapshot = await loadSearchSnapshot(db);
    return snapshot && { snapshot, revision: indexRevision };
  });
}

export function usageSignals(rows: readonly ItemUsage[]): Map<string, UsageSignal> {
  return new Map(rows.map((r) => [r.id, { uses: r.uses, lastUsedAt: r.lastUsedAt }]));
}

/** Items read per step when the library is handed to the worker, so other reads get a turn. */
const READ_CHUNK = 1000;

/** The cached library, read in chunks by key so that a page's own small reads are not held up. */
async function readAllItems(db: QuiverDb) {
  const out = [];
  let last: string | undefined;
  for (;;) {
    const chunk = await (last === undefined ? db.items.orderBy(':id') : db.items.where(':id').above(last)).limit(READ_CHUNK).toArray();
    out.push(...chunk);
    if (chunk.length < READ_CHUNK) return out;
    last = chunk[chunk.length - 1]!.id;
  }
}

export interface OpenedSearch {
  /** Settles once the first query can be answered: the persisted index is loaded, or the items are. */
  ready: Promise<void>;
  /** Settles once the index matches the cached library and is persisted again if it changed. */
  current: Promise<void>;
}

/**
 * The side panel's start-up path. First results come from the persisted index (a few
 * megabytes, loaded in tens of milliseconds); then the cached library is handed over, and the
 * worker re-indexes only the items that changed since the index was saved, and saves it again.
 * With no usable persisted index, the items are handed over at once: the worker answers the
 * empty query straight away and indexes in the background.
 */
export function openSearchIndex(
  db: QuiverDb,
  client: SearchClient,
  options: { loadAfter?: Promise<unknown>; handoverAfter?: Promise<unknown> } = {},
): OpenedSearch {
  let current = false;
  const loaded = (async () => {
    // A page with something quicker to show first (a remembered first page) reads it before
    // this multi-megabyte value takes the database's attention.
    if (options.loadAfter) await options.loadAfter.catch(() => {});
    const fresh = await loadCurrentSnapshot(db);
    const snapshot = fresh?.snapshot ?? (await loadSearchSnapshot(db));
    // The client transfers the buffer to the worker; keep Dexie's copy out of it.
    const ok = snapshot !== undefined && (await client.load(snapshot.slice()));
    current = ok && fresh !== undefined;
    return ok;
  })().catch(() => false);

  const handedOver = loaded.then(async (wasLoaded) => {
    if (current) {
      // The index is the library's at this revision (the background built it during the
      // sync): nothing to catch up, and the whole library is never read into this page.
      await client.setUsage(usageSignals(await db.usage.toArray()));
      return { wasLoaded, revision: client.revision };
    }
    // With a loaded index, first results need nothing more: the catch-up waits until the page
    // has shown them (handoverAfter), so reading the whole library does not delay them.
    if (wasLoaded && options.handoverAfter) await options.handoverAfter.catch(() => {});
    const revision = client.revision;
    const libraryRevision = (await getMeta(db, 'libraryRevision')) ?? 0;
    const [items, usage] = await Promise.all([readAllItems(db), db.usage.toArray()]);
    await client.setUsage(usageSignals(usage));
    await client.setItems(items);
    return { wasLoaded, revision, libraryRevision };
  });

  const caughtUp = handedOver.then(async (state) => {
    if ('libraryRevision' in state && (!state.wasLoaded || client.revision !== state.revision)) {
      await saveSearchSnapshot(db, await client.serialize(), state.libraryRevision);
    }
  });

  const ready = loaded.then(async (wasLoaded) => {
    if (!wasLoaded) await handedOver;
  });
  return { ready, current: caughtUp };
}
