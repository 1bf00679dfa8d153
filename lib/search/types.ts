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
