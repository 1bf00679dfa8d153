import { isExpired, isStale } from '../schema/content';
import type { Governance, OwnerGovernance } from '../schema/stats';
import { isUse } from './activity-counts';
import { compareText } from './compare';
import type { ScopedEvent } from './event-scope';
import type { KpiItem } from './item-scope';

/**
 * Stale and expired items per owner as of `today`, and how often reps still used content that
 * was past its review date. A use is attributed to the owner the item has in the library now.
 */
export function governance(events: readonly ScopedEvent[], scopedItems: readonly KpiItem[], library: ReadonlyMap<string, KpiItem>, today: string): Governance {
  const owners = new Map<string, OwnerGovernance>();
  const ownerRow = (owner: string) => {
    let row = owners.get(owner);
    if (!row) owners.set(owner, (row = { owner, items: 0, stale: 0, expired: 0, staleUses: 0 }));
    return row;
  };

  let staleItems = 0;
  let expiredItems = 0;
  for (const item of scopedItems) {
    const row = ownerRow(item.owner);
    row.items += 1;
    if (isStale(item, today)) {
      row.stale += 1;
      staleItems += 1;
    }
    if (isExpired(item, today)) {
      row.expired += 1;
      expiredItems += 1;
    }
  }

  let staleUses = 0;
  for (const { event } of events) {
    if (event.stale !== true || !isUse(event.kind)) continue;
    staleUses += 1;
    const owner = event.contentId === undefined ? undefined : library.get(event.contentId)?.owner;
    if (owner !== undefined) ownerRow(owner).staleUses += 1;
  }

  const byOwner = [...owners.values()]
    .filter((row) => row.stale + row.expired + row.staleUses > 0)
    .sort((a, b) => b.stale + b.expired - (a.stale + a.expired) || b.staleUses - a.staleUses || compareText(a.owner, b.owner));
  return { staleItems, expiredItems, staleUses, byOwner };
}
