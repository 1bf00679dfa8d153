import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import { getDb, type StoredItem } from '../../lib/db';
import { createSearchEngine, type SearchEngine } from '../../lib/search';

export interface Library {
  items: StoredItem[] | undefined;
  engine: SearchEngine;
  /** Bumps whenever the engine's contents change, so searches re-run. */
  revision: number;
}

/** The cached library, live from Dexie, indexed by the search engine. */
export function useLibrary(): Library {
  const items = useLiveQuery(() => getDb().items.toArray(), []);
  const usage = useLiveQuery(() => getDb().usage.toArray(), []);
  const engine = useMemo(() => createSearchEngine(), []);
  const [revision, setRevision] = useState(0);

  useEffect(() => {
    if (!items) return;
    engine.setItems(items);
    setRevision((r) => r + 1);
  }, [engine, items]);

  useEffect(() => {
    if (!usage) return;
    engine.setUsage(new Map(usage.map((u) => [u.id, { uses: u.uses, lastUsedAt: u.lastUsedAt }])));
    setRevision((r) => r + 1);
  }, [engine, usage]);

  return { items, engine, revision };
}
