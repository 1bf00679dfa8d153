import { sql, type RawBuilder } from 'kysely';
import { USE_KINDS, type EventKind } from '../../lib/schema/events';
import type { ActivityCounts, UsageCounts } from '../../lib/schema/stats';
import type { ActivityCounters } from '../db/schema';

/*
 * The counting rules of lib/schema/stats.ts, once for the server: which event kinds each
 * counter counts. Ingestion adds events to the daily roll-ups with them, and the stats read
 * raw events with them as SQL; kept in step with COUNTERS in lib/kpi/activity-counts.ts by
 * the parity test.
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

const KINDS: Record<keyof ActivityCounts, readonly EventKind[]> = { ...USAGE_KINDS, ...SEARCH_KINDS };

/** The roll-up column of each payload counter. */
export const COUNTER_COLUMNS = {
  inserts: 'inserts',
  copies: 'copies',
  opens: 'opens',
  previews: 'previews',
  uses: 'uses',
  searches: 'searches',
  noResultSearches: 'no_result_searches',
} as const satisfies Record<keyof ActivityCounts, keyof ActivityCounters>;

/** Kinds whose events end a rep's hunt and carry its time (an opened asset is only read). */
export const TIMED_KINDS: readonly EventKind[] = ['insert', 'copy', 'copy_link', 'expand_shortcut'];

/** What one stored event adds to each counter of a roll-up row. */
export function countersOf(kind: EventKind, stale: boolean): ActivityCounters {
  const has = (counter: keyof ActivityCounts) => (KINDS[counter].includes(kind) ? 1 : 0);
  return {
    events: 1,
    inserts: has('inserts'),
    copies: has('copies'),
    opens: has('opens'),
    previews: has('previews'),
    uses: has('uses'),
    searches: has('searches'),
    no_result_searches: has('noResultSearches'),
    stale_uses: stale && USE_KINDS.includes(kind) ? 1 : 0,
  };
}

/** The SQL condition "the event `e` is of one of these kinds". */
export function kindIn(kinds: readonly EventKind[]): RawBuilder<boolean> {
  return sql<boolean>`${sql.ref('e.kind')} in (${sql.join(kinds)})`;
}

/** The same counters as countersOf, computed per raw event `e` in SQL: 1 or 0. */
export function rawCounterColumns() {
  const one = (condition: RawBuilder<boolean>) => sql<number>`case when ${condition} then 1 else 0 end`;
  return [
    sql<number>`1`.as('events'),
    ...(Object.keys(COUNTER_COLUMNS) as (keyof ActivityCounts)[]).map((counter) => one(kindIn(KINDS[counter])).as(COUNTER_COLUMNS[counter])),
    one(sql<boolean>`${sql.ref('e.stale')} = 1 and ${kindIn(USE_KINDS)}`).as('stale_uses'),
  ];
}

/** SELECT items summing facts `f` into the five usage counters, named as UsageCounts. */
export function usageColumns() {
  return (['inserts', 'copies', 'opens', 'previews', 'uses'] as const).map((c) => sql<number>`sum(${sql.ref(`f.${COUNTER_COLUMNS[c]}`)})`.as(c));
}

/** SELECT items summing facts `f` into all seven activity counters, named as ActivityCounts. */
export function activityColumns() {
  return (Object.keys(COUNTER_COLUMNS) as (keyof ActivityCounts)[]).map((c) => sql<number>`sum(${sql.ref(`f.${COUNTER_COLUMNS[c]}`)})`.as(c));
}

/** Counts as read back from the driver to numbers; a sum over no rows (null) is 0. */
export function usageOf(row: Record<keyof UsageCounts, unknown>): UsageCounts {
  return {
    inserts: Number(row.inserts ?? 0),
    copies: Number(row.copies ?? 0),
    opens: Number(row.opens ?? 0),
    previews: Number(row.previews ?? 0),
    uses: Number(row.uses ?? 0),
  };
}

export function activityOf(row: Record<keyof ActivityCounts, unknown>): ActivityCounts {
  return { ...usageOf(row), searches: Number(row.searches ?? 0), noResultSearches: Number(row.noResultSearches ?? 0) };
}

export function zeroActivity(): ActivityCounts {
  return { inserts: 0, copies: 0, opens: 0, previews: 0, uses: 0, searches: 0, noResultSearches: 0 };
}
