import type { Insertable, Kysely } from 'kysely';
import type { SiteHealthEvent } from '../../lib/schema/site-health';
import type { Database, SiteHealthEventTable } from '../db/schema';
import { nowIso } from './clock';
import type { Principal } from './tokens';

/** Rows per INSERT: 14 columns each stays under SQLite's bound-parameter limit. */
const ROWS_PER_STATEMENT = 500;

/**
 * Stores site-health events for the token's user, idempotent by event id within the org, like
 * usage events (server/store/usage-events.ts): a re-sent batch is counted once.
 */
export async function storeSiteHealthEvents(
  db: Kysely<Database>,
  principal: Principal,
  events: readonly SiteHealthEvent[],
): Promise<{ accepted: number; duplicates: number }> {
  if (events.length === 0) return { accepted: 0, duplicates: 0 };
  const receivedAt = nowIso();
  const rows = events.map((e): Insertable<SiteHealthEventTable> => ({
    org_id: principal.orgId,
    id: e.id,
    user_id: principal.userId,
    day: e.day,
    site: e.site,
    page_kind: e.pageKind,
    version: e.version,
    browser: e.browser ?? null,
    check_kind: e.check,
    editor_expected: e.editorExpected ? 1 : 0,
    context_failed: e.failed.includes('context') ? 1 : 0,
    editor_failed: e.failed.includes('editor') ? 1 : 0,
    insert_failed: e.failed.includes('insert') ? 1 : 0,
    received_at: receivedAt,
  }));
  const accepted = await db.transaction().execute(async (trx) => {
    let stored = 0;
    for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
      const result = await trx
        .insertInto('site_health_events')
        .values(rows.slice(i, i + ROWS_PER_STATEMENT))
        .onConflict((oc) => oc.columns(['org_id', 'id']).doNothing())
        .returning('id')
        .execute();
      stored += result.length;
    }
    return stored;
  });
  return { accepted, duplicates: events.length - accepted };
}
