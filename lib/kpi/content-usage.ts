import { STATS_LIST_LIMIT, type ContentUsage } from '../schema/stats';
import { countUsage, emptyUsage } from './activity-counts';
import { compareText } from './compare';
import type { ScopedEvent } from './event-scope';
import type { KpiItem } from './item-scope';

/**
 * Usage per content item, most used first. An item appears once it was used or previewed;
 * its title, type and owner come from the current library (`null` once it left the library).
 */
export function contentUsage(events: readonly ScopedEvent[], library: ReadonlyMap<string, KpiItem>): ContentUsage[] {
  const rows = new Map<string, ContentUsage>();
  for (const { event } of events) {
    if (event.contentId === undefined) continue;
    let row = rows.get(event.contentId);
    if (!row) {
      const item = library.get(event.contentId);
      row = {
        contentId: event.contentId,
        title: item?.title ?? null,
        type: item?.type ?? null,
        owner: item?.owner ?? null,
        ...emptyUsage(),
      };
      rows.set(event.contentId, row);
    }
    countUsage(row, event.kind);
  }
  return [...rows.values()]
    .filter((row) => row.uses + row.previews > 0)
    .sort((a, b) => b.uses - a.uses || compareText(a.contentId, b.contentId))
    .slice(0, STATS_LIST_LIMIT);
}
