import type { Insertable, Kysely } from 'kysely';
import type { UsageEvent } from '../../lib/schema/events';
import type { Database, UsageEventTable } from '../db/schema';
import { nowIso } from './clock';
import type { Principal } from './tokens';

/** Rows per INSERT: 16 columns each stays under SQLite's bound-parameter limit. */
const ROWS_PER_STATEMENT = 500;

export interface StoredEvents {
  accepted: number;
  duplicates: number;
}

/**
 * Stores valid usage events for the token's user, in one transaction, idempotent by event id
 * within the org: an event the server already has (a batch re-sent after a lost response, or
 * the same id twice in one batch) is counted once, as a duplicate.
 */
export async function storeUsageEvents(
  db: Kysely<Database>,
  principal: Principal,
  events: readonly UsageEvent[],
): Promise<StoredEvents> {
  if (events.length === 0) return { accepted: 0, duplicates: 0 };
  const receivedAt = nowIso();
  const rows = events.map((e) => eventRow(principal, e, receivedAt));
  const accepted = await db.transaction().execute(async (trx) => {
    let inserted = 0;
    for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
      const result = await trx
        .insertInto('usage_events')
        .values(rows.slice(i, i + ROWS_PER_STATEMENT))
        .onConflict((oc) => oc.columns(['org_id', 'id']).doNothing())
        .executeTakeFirst();
      inserted += Number(result.numInsertedOrUpdatedRows ?? 0);
    }
    return inserted;
  });
  return { accepted, duplicates: events.length - accepted };
}

function eventRow(principal: Principal, event: UsageEvent, receivedAt: string): Insertable<UsageEventTable> {
  // The client's `user` is only what the extension believes; the token says who sent it.
  const stored: UsageEvent = { ...event, user: principal.email };
  return {
    org_id: principal.orgId,
    id: event.id,
    user_id: principal.userId,
    kind: event.kind,
    at: new Date(event.at).toISOString(),
    content_id: event.contentId ?? null,
    content_type: event.contentType ?? null,
    stage: event.stage ?? null,
    site: event.site ?? null,
    page_kind: event.pageKind ?? null,
    query: event.query ?? null,
    result_count: event.resultCount ?? null,
    time_to_content_ms: event.timeToContentMs ?? null,
    stale: event.stale === undefined ? null : event.stale ? 1 : 0,
    payload: JSON.stringify(stored),
    received_at: receivedAt,
  };
}
