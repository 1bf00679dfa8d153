import { STATS_LIST_LIMIT, type NeverUsed } from '../schema/stats';
import { isUse } from './activity-counts';
import { compareText } from './compare';
import type { ScopedEvent } from './event-scope';
import type { KpiItem } from './item-scope';

/**
 * Items of the (filtered) library that no rep used in scope. Previews and suggestions shown
 * do not count: an item looked at but never sent is exactly what this list is for.
 */
export function neverUsed(events: readonly ScopedEvent[], scopedItems: readonly KpiItem[]): NeverUsed {
  const used = new Set<string>();
  for (const { event } of events) {
    if (event.contentId !== undefined && isUse(event.kind)) used.add(event.contentId);
  }
  const unused = scopedItems.filter((item) => !used.has(item.id)).sort((a, b) => compareText(a.id, b.id));
  return {
    libraryItems: scopedItems.length,
    count: unused.length,
    share: scopedItems.length === 0 ? null : unused.length / scopedItems.length,
    items: unused.slice(0, STATS_LIST_LIMIT).map(({ id, title, type, owner }) => ({ id, title, type, owner })),
  };
}
