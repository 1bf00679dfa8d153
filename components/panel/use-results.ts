import { useEffect, useRef, useState } from 'react';
import { getDb, type StoredItem } from '../../lib/db';
import type { ContentType, JourneyStage } from '../../lib/schema/content';
import type { SearchHit } from '../../lib/search';
import { readFirstPage, saveFirstPage } from '../../lib/search/first-page-cache';
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

const byId = (rows: readonly (StoredItem | undefined)[]) => {
  const items = new Map<string, StoredItem>();
  for (const row of rows) if (row) items.set(row.id, row);
  return items;
};

/**
 * Runs the query in the search worker and reads the hits' items from the cache. Before the
 * worker is ready, the empty query is answered from the first page the panel last showed.
 */
export function useResults(
  library: Library,
  query: string,
  stages: JourneyStage[],
  types: ContentType[],
  limit: number,
  /** The page's stage: ranked first, not filtered. */
  boostStages: JourneyStage[] = [],
): Results {
  const [results, setResults] = useState<Results>(EMPTY);
  // What was last remembered as a first page: searches re-run often and mostly find the same.
  const saved = useRef('');
  const { client, ready, version, firstResultsShown, firstPageTried } = library;
  const stagesKey = stages.join();
  const typesKey = types.join();
  const boostKey = boostStages.join();
  const filter = `${stagesKey}|${typesKey}|${limit}|${boostKey}`;

  // Cold start: the remembered first page, while the worker loads.
  useEffect(() => {
    if (ready || query.trim()) {
      firstPageTried();
      return;
    }
    let current = true;
    void readFirstPage(getDb(), filter)
      .then((page) => {
        if (!current || !page) return;
        setResults((r) => (r.hits ? r : { hits: page.hits, items: byId(page.items), unfiltered: 0 }));
        firstResultsShown();
      })
      .finally(firstPageTried);
    return () => {
      current = false;
    };
  }, [ready, query, filter, firstResultsShown, firstPageTried]);

  useEffect(() => {
    if (!client || !ready) return;
    let current = true;
    void (async () => {
      const hits = await client.search(query, { stages, types, limit, boostStages }, 'results');
      if (hits === null || !current) return;
      const filtered = stages.length > 0 || types.length > 0;
      const [rows, unfiltered] = await Promise.all([
        getDb().items.bulkGet(hits.map((h) => h.id)),
        hits.length === 0 && filtered && query.trim() ? client.search(query, { limit: 100 }, 'unfiltered') : null,
      ]);
      if (!current) return;
      const items = byId(rows);
      const shown = hits.filter((h) => items.has(h.id));
      setResults({ hits: shown, items, unfiltered: unfiltered?.length ?? 0 });
      firstResultsShown();
      const key = `${version}|${filter}|${shown.map((h) => h.id).join()}`;
      if (!query.trim() && key !== saved.current) {
        saved.current = key;
        void saveFirstPage(getDb(), { filter, hits: shown, items: [...items.values()] }).catch(() => {});
      }
    })().catch(() => {});
    return () => {
      current = false;
    };
    // Stages and types are compared by value (filter).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, ready, version, query, filter]);

  return results;
}
