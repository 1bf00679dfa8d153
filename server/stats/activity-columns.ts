import { sql, type RawBuilder } from 'kysely';
import { USE_KINDS, type EventKind } from '../../lib/schema/events';
import type { ActivityCounts, UsageCounts } from '../../lib/schema/stats';

/*
 * The counting rules of lib/schema/stats.ts as SQL: each counter is the number of in-scope
 * events (`e`) of its kinds. Kept in step with COUNTERS in lib/kpi/activity-counts.ts; the
 * parity test fails if they drift.
 */
const USAGE_KINDS: Record<keyof UsageCounts, readonly EventKind[]> = {
  // A shortcut expansion puts the body into the page: an insert by other means.
  inserts: ['insert', 'expand_shortcut'],
  copies: ['copy', 'copy_link'],
  opens: ['open_asset'],
  previews: ['preview'],
  uses: USE_KINDS,
};

const SEARCH_KINDS: Record<'searches' | 'noResultSearches', readonly EventKind[]> = {
  searches: ['search', 'search_no_results'],
  noResultSearches: ['search_no_results'],
};

/** Kinds whose events end a rep's hunt and carry its time (an opened asset is only read). */
export const TIMED_KINDS: readonly EventKind[] = ['insert', 'copy', 'copy_link', 'expand_shortcut'];

/** The SQL condition "the event `e` is of one of these kinds". */
export function kindIn(kinds: readonly EventKind[]): RawBuilder<boolean> {
  return sql<boolean>`${sql.ref('e.kind')} in (${sql.join(kinds)})`;
}

/** How many grouped events are of these kinds; 0, not null, over no rows. */
export function countKinds(kinds: readonly EventKind[]): RawBuilder<number> {
  return sql<number>`count(case when ${kindIn(kinds)} then 1 end)`;
}

function columns<K extends string>(kinds: Record<K, readonly EventKind[]>) {
  return (Object.keys(kinds) as K[]).map((name) => countKinds(kinds[name]).as(name));
}

/** SELECT items for the five usage counters, named as UsageCounts. */
export const usageColumns = () => columns(USAGE_KINDS);
/** SELECT items for all seven activity counters, named as ActivityCounts. */
export const activityColumns = () => [...columns(USAGE_KINDS), ...columns(SEARCH_KINDS)];

/** Counts as read back from the driver (PostgreSQL would return bigint text) to numbers. */
export function usageOf(row: Record<keyof UsageCounts, unknown>): UsageCounts {
  return {
    inserts: Number(row.inserts),
    copies: Number(row.copies),
    opens: Number(row.opens),
    previews: Number(row.previews),
    uses: Number(row.uses),
  };
}

export function activityOf(row: Record<keyof ActivityCounts, unknown>): ActivityCounts {
  return { ...usageOf(row), searches: Number(row.searches), noResultSearches: Number(row.noResultSearches) };
}

export function zeroActivity(): ActivityCounts {
  return { inserts: 0, copies: 0, opens: 0, previews: 0, uses: 0, searches: 0, noResultSearches: 0 };
}
