import type { StoredItem } from '../db';
import type { ContentType, JourneyStage } from '../schema/content';

export interface SearchFilters {
  /** Keep items tagged with any of these stages; empty or absent means every stage. */
  stages?: readonly JourneyStage[];
  /** Keep items of any of these types; empty or absent means every type. */
  types?: readonly ContentType[];
}

export interface SearchOptions extends SearchFilters {
  /** At most this many hits (default 50). */
  limit?: number;
  /**
   * Rank items of these stages first, all else equal, without hiding the others: the stage the
   * page suggests. A query still finds what it names (an exact title ranks first anyway).
   */
  boostStages?: readonly JourneyStage[];
}

export interface SearchHit {
  id: string;
  /** Higher is better; comparable within one result list only. */
  score: number;
}

/** How much the rep has used an item lately; breaks ties between equally relevant items. */
export interface UsageSignal {
  uses: number;
  lastUsedAt: number;
}

/**
 * The one search interface that the side panel, the suggestions and the in-page palette use.
 * An empty query lists the filtered library, most relevant first.
 */
export interface SearchEngine {
  /** Replaces the whole index. */
  setItems(items: readonly StoredItem[]): void;
  /** Adds or replaces these items without rebuilding the rest. */
  upsert(items: readonly StoredItem[]): void;
  /** Removes these items without rebuilding the rest. */
  remove(ids: readonly string[]): void;
  /** Usage per item id, used to break ties. */
  setUsage(usage: ReadonlyMap<string, UsageSignal>): void;
  search(query: string, options?: SearchOptions): SearchHit[];
  get(id: string): StoredItem | undefined;
  readonly size: number;
}

export interface SearchEngineOptions {
  /** Today as YYYY-MM-DD: stale items go last in the empty-query list, expired ones last in every list. */
  today?: () => string;
}

/** The search engine plus what only a persistent, indexed engine can do. */
export interface IndexedSearchEngine extends SearchEngine {
  /**
   * The index as one byte array (no item bodies) to persist, e.g. in Dexie's meta table.
   * Cheap to reload with `load`; then `setItems` re-indexes only what changed since.
   */
  serialize(): Uint8Array<ArrayBuffer>;
  /**
   * Replaces the index with a serialised one. The engine keeps views into `bytes`: hand it
   * over, do not reuse it. Returns false, changing nothing, for bytes of another format or
   * damaged ones. Until `setItems` runs, `get` knows no items; search works at once.
   */
  load(bytes: Uint8Array): boolean;
  /**
   * Finishes work deferred to idle time: the postings `setItems` put off, and the typo index.
   * Searching does whatever it needs itself; calling this early only moves the cost.
   */
  prepare(): void;
  /** Sizes of the index, for status lines and the benchmark. */
  stats(): IndexStats;
  /** Grows whenever the indexed library changes: a persisted snapshot older than this is stale. */
  readonly revision: number;
}

export interface IndexStats {
  items: number;
  /** Distinct words in the library. */
  terms: number;
  /** (word, item) pairs indexed, counting retired items until the next compaction. */
  postings: number;
}
