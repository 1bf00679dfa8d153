import { USE_KINDS, type EventKind } from '../schema/events';
import type { ActivityCounts, UsageCounts } from '../schema/stats';

/** Which counters one event of a kind adds to; the single place the counting rules live. */
const COUNTERS: Record<EventKind, readonly (keyof ActivityCounts)[]> = {
  insert: ['inserts', 'uses'],
  // A shortcut expansion puts the item's body into the page: an insert by other means.
  expand_shortcut: ['inserts', 'uses'],
  copy: ['copies', 'uses'],
  copy_link: ['copies', 'uses'],
  open_asset: ['opens', 'uses'],
  // Looking at an item is not using it.
  preview: ['previews'],
  search: ['searches'],
  search_no_results: ['searches', 'noResultSearches'],
  suggestion_shown: [],
  suggestion_used: [],
};

export function emptyUsage(): UsageCounts {
  return { inserts: 0, copies: 0, opens: 0, previews: 0, uses: 0 };
}

export function emptyActivity(): ActivityCounts {
  return { ...emptyUsage(), searches: 0, noResultSearches: 0 };
}

export function countActivity(counts: ActivityCounts, kind: EventKind): void {
  for (const counter of COUNTERS[kind]) counts[counter] += 1;
}

/** For per-item rows, which have no search counters: searches never name an item's use. */
export function countUsage(counts: UsageCounts, kind: EventKind): void {
  for (const counter of COUNTERS[kind]) if (counter in counts) counts[counter as keyof UsageCounts] += 1;
}

/** A rep used content for a prospect: the kinds in USE_KINDS, which COUNTERS counts as `uses`. */
export function isUse(kind: EventKind): boolean {
  return USE_KINDS.includes(kind);
}
