import type { QuiverDb } from '../db';
import { getMeta } from '../db';
import { usageEventSchema, type UsageEvent } from '../schema/events';
import { isSiteHealthEvent, siteHealthEventSchema, type SiteHealthEvent } from '../schema/site-health';

/** Default bound of the outbox: past it the oldest events are dropped and counted. */
export const OUTBOX_LIMIT = 50_000;

/** What the outbox carries to POST /api/v1/events: usage events and site-health checks. */
export type OutboxEvent = UsageEvent | SiteHealthEvent;

export interface OutboxStats {
  queued: number;
  dropped: number;
}

/** A site-health check has a day, not a time: it sorts at the start of its day. */
function atOf(event: OutboxEvent): string {
  return 'at' in event ? event.at : `${event.day}T00:00:00.000Z`;
}

/**
 * Queues events, validated, in one transaction; when the outbox is over its bound the
 * oldest are dropped and the dropped-events counter grows by as many.
 */
export async function enqueueEvents(db: QuiverDb, events: OutboxEvent[], limit = OUTBOX_LIMIT): Promise<void> {
  const valid: OutboxEvent[] = events.map((e) => (isSiteHealthEvent(e) ? siteHealthEventSchema.parse(e) : usageEventSchema.parse(e)));
  await db.transaction('rw', db.outbox, db.meta, async () => {
    await db.outbox.bulkAdd(valid.map((event) => ({ id: event.id, at: atOf(event), event })));
    const excess = (await db.outbox.count()) - limit;
    if (excess > 0) {
      const oldest = await db.outbox.orderBy('seq').limit(excess).primaryKeys();
      await db.outbox.bulkDelete(oldest);
      const dropped = (await getMeta(db, 'outboxDropped')) ?? 0;
      await db.meta.put({ key: 'outboxDropped', value: dropped + excess });
    }
  });
}

export async function outboxStats(db: QuiverDb): Promise<OutboxStats> {
  const [queued, dropped] = await Promise.all([db.outbox.count(), getMeta(db, 'outboxDropped')]);
  return { queued, dropped: dropped ?? 0 };
}
