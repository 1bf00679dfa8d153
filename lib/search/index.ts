import { InvertedIndexEngine } from './indexed-engine';
import type { IndexedSearchEngine, SearchEngineOptions } from './types';

export type { IndexedSearchEngine, IndexStats, SearchEngine, SearchEngineOptions, SearchFilters, SearchHit, SearchOptions, UsageSignal } from './types';

/**
 * The engine every caller uses: synchronous, for the background service worker (which cannot
 * start workers) and for tests. Extension pages should prefer `createSearchClient()` from
 * `./client`, which runs this same engine in a Web Worker so typing never waits for it.
 */
export function createSearchEngine(options?: SearchEngineOptions): IndexedSearchEngine {
  return new InvertedIndexEngine(options);
}
