import type { Kysely } from 'kysely';
import type { StatsQuery } from '../../lib/schema/stats';
import type { SqlDialect } from '../db/sql-dialect';
import type { Database } from '../db/schema';

/** What every stats query is about: one org, one query (range and filters). */
export interface StatsScope {
  db: Kysely<Database>;
  /** SQL the two databases spell differently. */
  sql: SqlDialect;
  orgId: string;
  query: StatsQuery;
  /** The UTC day governance judges review and expiry dates against. */
  today: string;
}

/** The org's user ids with the rep filter's email (one or none). */
export function usersNamed({ db, orgId }: StatsScope, email: string) {
  return db.selectFrom('users').select('id').where('org_id', '=', orgId).where('email', '=', email);
}

/**
 * The org's events the query is about, as `e`: UTC day of `at` in [from, to] and each set
 * filter equal to the event's own column (a null column never equals, so an event lacking the
 * field is dropped, as lib/kpi/event-scope.ts does).
 *
 * The range is two text bounds on `at` rather than a function of it, so the indexes on
 * (org_id, at …) serve it: ingestion stores `at` as `toISOString()` text, fixed width with
 * milliseconds, so `…T23:59:59.999Z` is the last instant of a day.
 */
export function scopedEvents(scope: StatsScope) {
  const { db, orgId, query } = scope;
  return (
    db
      .selectFrom('usage_events as e')
      .where('e.org_id', '=', orgId)
      .where('e.at', '>=', `${query.from}T00:00:00.000Z`)
      .where('e.at', '<=', `${query.to}T23:59:59.999Z`)
      .$if(query.stage !== undefined, (q) => q.where('e.stage', '=', query.stage!))
      .$if(query.site !== undefined, (q) => q.where('e.site', '=', query.site!))
      .$if(query.type !== undefined, (q) => q.where('e.content_type', '=', query.type!))
      // The rep filter names an email; events hold the user id the token had.
      .$if(query.user !== undefined, (q) => q.where('e.user_id', 'in', usersNamed(scope, query.user!)))
  );
}

export type ScopedEvents = ReturnType<typeof scopedEvents>;
