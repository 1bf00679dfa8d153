import type { ContentItem } from '../schema/content';
import type { StatsQuery } from '../schema/stats';

/** The fields of a library item the KPIs read. */
export type KpiItem = Pick<ContentItem, 'id' | 'title' | 'type' | 'owner' | 'stages' | 'review_by' | 'expires'>;

/**
 * The items the library-side KPIs (never used, coverage, governance) count: narrowed by the
 * stage and type filters as the events are, so "never used at interest" compares interest
 * content with interest usage. Site and user say nothing about an item.
 */
export function scopeItems<T extends KpiItem>(items: readonly T[], query: StatsQuery): T[] {
  const { stage, type } = query;
  return items.filter((item) => (stage === undefined || item.stages.includes(stage)) && (type === undefined || item.type === type));
}
