import { useEffect, useState } from 'react';
import { getDb, type StoredItem } from '../../lib/db';
import type { ContentType, JourneyStage } from '../../lib/schema/content';
import type { SearchHit } from '../../lib/search';
import type { Library } from './use-library';

export interface Results {
  /** Undefined until the first answer. */
  hits: SearchHit[] | undefined;
  /** The stored items of the hits. */
  items: ReadonlyMap<string, StoredItem>;
  /** When every hit is filtered out: how many the query finds without the filters. */
  unfiltered: number;
}

const EMPTY: Results = { hits: undefined, items: new Map(), unfiltered: 0 };

/** Runs the query in the search worker and reads the hits' items from the cache. */
export function useResults(
  library: Library,
  query: string,
  stages: JourneyStage[],
  types: ContentType[],
  limit: number,
): Results {
  const [results, setResults] = useState<Results>(EMPTY);
  const { client, ready, version } = library;
  const stagesKey = stages.join();
  const typesKey = types.join();

  useEffect(() => {
    if (!client || !ready) return;
    let current = true;
    void (async () => {
      const hits = await client.search(query, { stages, types, limit }, 'results');
      if (hits === null || !current) return;
      const filtered = stages.length > 0 || types.length > 0;
      const [rows, unfiltered] = await Promise.all([
        getDb().items.bulkGet(hits.map((h) => h.id)),
        hits.length === 0 && filtered && query.trim() ? client.search(query, { limit: 100 }, 'unfiltered') : null,
      ]);
      if (!current) return;
      const items = new Map<string, StoredItem>();
      for (const row of rows) if (row) items.set(row.id, row);
      setResults({ hits: hits.filter((h) => items.has(h.id)), items, unfiltered: unfiltered?.length ?? 0 });
    })().catch(() => {});
    return () => {
      current = false;
    };
    // Stages and types are compared by value.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, ready, version, query, stagesKey, typesKey, limit]);

  return results;
}
