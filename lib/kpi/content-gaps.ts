import { JOURNEY_STAGES } from '../schema/content';
import type { UsageEvent } from '../schema/events';
import { STATS_LIST_LIMIT, type ContentGap } from '../schema/stats';
import { compareText } from './compare';
import type { ScopedEvent } from './event-scope';

/** The stage filter a search ran with, as one stable text: journey order, no repeats, "" for none. */
export function stageFilterKey(filters: UsageEvent['filters']): string {
  const stages = new Set(filters?.stages ?? []);
  return JOURNEY_STAGES.filter((s) => stages.has(s)).join(',');
}

/**
 * Searches that found nothing, grouped by exact query text and stage filter: what reps asked
 * for and the library could not answer. A query not logged (privacy setting) groups as "".
 */
export function contentGaps(events: readonly ScopedEvent[]): ContentGap[] {
  const groups = new Map<string, { query: string; stageFilter: string; count: number; lastMs: number }>();
  for (const { event, ms } of events) {
    if (event.kind !== 'search_no_results') continue;
    const query = event.query ?? '';
    const stageFilter = stageFilterKey(event.filters);
    const key = JSON.stringify([query, stageFilter]);
    const group = groups.get(key);
    if (group) {
      group.count += 1;
      group.lastMs = Math.max(group.lastMs, ms);
    } else {
      groups.set(key, { query, stageFilter, count: 1, lastMs: ms });
    }
  }
  return [...groups.values()]
    .sort((a, b) => b.count - a.count || compareText(a.query, b.query) || compareText(a.stageFilter, b.stageFilter))
    .slice(0, STATS_LIST_LIMIT)
    .map(({ query, stageFilter, count, lastMs }) => ({
      query,
      stageFilter,
      count,
      lastSeen: new Date(lastMs).toISOString(),
    }));
}
