import { getMeta, setMeta, type ItemUsage, type QuiverDb } from '../db';
import type { SearchClient } from './client';
import { isByteArray } from './protocol';
import type { UsageSignal } from './types';

/** Where the serialised index lives: one value in Dexie's meta table. */
export const SEARCH_INDEX_KEY = 'searchIndex';

export async function loadSearchSnapshot(db: QuiverDb): Promise<Uint8Array | undefined> {
  const value = await getMeta<unknown>(db, SEARCH_INDEX_KEY);
  return isByteArray(value) ? value : undefined;
}

export async function saveSearchSnapshot(db: QuiverDb, snapshot: Uint8Array): Promise<void> {
  await setMeta(db, SEARCH_INDEX_KEY, snapshot);
}

export function usageSignals(rows: readonly ItemUsage[]): Map<string, UsageSignal> {
  return new Map(rows.map((r) => [r.id, { uses: r.uses, lastUsedAt: r.lastUsedAt }]));
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
export function openSearchIndex(db: QuiverDb, client: SearchClient): OpenedSearch {
  const loaded = (async () => {
    const snapshot = await loadSearchSnapshot(db);
    // The client transfers the buffer to the worker; keep Dexie's copy out of it.
    return snapshot !== undefined && (await client.load(snapshot.slice()));
  })().catch(() => false);

  const handedOver = loaded.then(async (wasLoaded) => {
    const revision = client.revision;
    const [items, usage] = await Promise.all([db.items.toArray(), db.usage.toArray()]);
    await client.setUsage(usageSignals(usage));
    await client.setItems(items);
    return { wasLoaded, revision };
  });

  const current = handedOver.then(async ({ wasLoaded, revision }) => {
    if (!wasLoaded || client.revision !== revision) await saveSearchSnapshot(db, await client.serialize());
  });

  const ready = loaded.then(async (wasLoaded) => {
    if (!wasLoaded) await handedOver;
  });
  return { ready, current };
}
