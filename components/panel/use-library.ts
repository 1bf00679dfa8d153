import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useRef, useState } from 'react';
import { getDb, getMeta } from '../../lib/db';
import type { SearchClient } from '../../lib/search/client';
import { loadCurrentSnapshot, openSearchIndex, saveSearchSnapshot, usageSignals } from '../../lib/search/persist';
import { createPanelSearchClient } from '../../lib/search/panel-client';

export interface Library {
  /** The search engine (in its worker); undefined until started. */
  client: SearchClient | undefined;
  /** True once the first query can be answered (the persisted index or the items are loaded). */
  ready: boolean;
  /** Items in the cache; undefined while counting. */
  itemCount: number | undefined;
  /** Moves whenever the index or the usage signals change, so searches run again. */
  version: number;
  /** Called once results are on screen: only then is the whole library read to catch the index up. */
  firstResultsShown(): void;
  /** Called once the remembered first page was looked for: then the persisted index is read. */
  firstPageTried(): void;
}

/**
 * The cached library as the panel searches it. Start-up loads the persisted index for a fast
 * first answer, then brings it up to date with Dexie; later syncs (which move the library
 * revision) and new usage are handed to the worker as they happen.
 */
export function useLibrary(): Library {
  const db = getDb();
  const [client, setClient] = useState<SearchClient>();
  const [ready, setReady] = useState(false);
  const [version, setVersion] = useState(0);
  const bump = () => setVersion((v) => v + 1);
  const itemCount = useLiveQuery(() => db.items.count(), []);
  const revision = useLiveQuery(() => getMeta(db, 'libraryRevision'), []);
  const usage = useLiveQuery(() => db.usage.toArray(), []);
  const handedRevision = useRef<number | undefined>(undefined);
  const opened = useRef<Promise<void> | undefined>(undefined);
  const shown = useRef<() => void>(() => {});
  const firstResultsShown = useCallback(() => shown.current(), []);
  const tried = useRef<() => void>(() => {});
  const firstPageTried = useCallback(() => tried.current(), []);

  useEffect(() => {
    const c = createPanelSearchClient();
    let live = true;
    // Results first; the catch-up read of the whole library waits for them (or a moment).
    const resultsShown = new Promise<void>((resolve) => {
      shown.current = resolve;
      setTimeout(resolve, 3000);
    });
    const pageTried = new Promise<void>((resolve) => {
      tried.current = resolve;
      setTimeout(resolve, 200);
    });
    const open = openSearchIndex(db, c, { loadAfter: pageTried, handoverAfter: resultsShown });
    opened.current = open.current;
    void open.ready.then(() => {
      if (!live) return;
      setClient(c);
      setReady(true);
      bump();
    });
    void open.current.then(() => live && bump()).catch(() => {});
    return () => {
      live = false;
      c.close();
    };
  }, [db]);

  // A sync changed the library: hand the items over again (the engine re-indexes only the
  // changed ones) and persist the index for the next cold start.
  useEffect(() => {
    if (!client || revision === undefined) return;
    if (handedRevision.current === undefined) {
      handedRevision.current = revision;
      return;
    }
    if (handedRevision.current === revision) return;
    handedRevision.current = revision;
    void (async () => {
      await opened.current;
      // The background persisted the index with the sync's last page: load it in the worker
      // rather than read the whole library into this page and index it again.
      const fresh = await loadCurrentSnapshot(db);
      if (fresh && (await client.load(fresh.snapshot.slice()))) {
        bump();
        return;
      }
      const before = client.revision;
      await client.setItems(await db.items.toArray());
      bump();
      if (client.revision !== before) await saveSearchSnapshot(db, await client.serialize(), revision);
    })().catch(() => {});
  }, [client, db, revision]);

  useEffect(() => {
    if (!client || !usage) return;
    void client.setUsage(usageSignals(usage)).then(bump, () => {});
  }, [client, usage]);

  return { client, ready, itemCount, version, firstResultsShown, firstPageTried };
}
