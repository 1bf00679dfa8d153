import type { QuiverDb } from '../db';
import type { UsageEvent } from '../schema/events';
import { USE_KINDS } from '../schema/events';
import { noteWriteFailed, noteWriteWorked } from '../storage-full';
import { enqueueEvents } from './outbox';

export type EventInput = Omit<UsageEvent, 'id' | 'at'>;

export function newEvent(input: EventInput, now: Date = new Date()): UsageEvent {
  return { id: crypto.randomUUID(), at: now.toISOString(), ...input };
}

/**
 * Records what the rep did: the event goes into the outbox and, for a use of an item, the
 * item's usage count (which breaks ties in search) is bumped in the same transaction.
 * Search text is dropped here when the rep turned query logging off. A write refused for lack
 * of space is reported as storage full, and a write that works clears that report.
 */
export async function track(db: QuiverDb, input: EventInput, options: { logQueries: boolean; now?: Date }): Promise<UsageEvent> {
  const event = newEvent(options.logQueries ? input : { ...input, query: undefined }, options.now);
  if (event.query === undefined) delete event.query;
  try {
    await db.transaction('rw', db.outbox, db.meta, db.usage, async () => {
      await enqueueEvents(db, [event]);
      if (event.contentId && USE_KINDS.includes(event.kind)) {
        const prev = await db.usage.get(event.contentId);
        await db.usage.put({ id: event.contentId, uses: (prev?.uses ?? 0) + 1, lastUsedAt: Date.parse(event.at) });
      }
    });
  } catch (error) {
    // A full disk is said to every page (lib/storage-full.ts); the caller still learns of it.
    await noteWriteFailed(error);
    throw error;
  }
  void noteWriteWorked();
  return event;
}
