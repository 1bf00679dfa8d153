import { sql, type Expression } from 'kysely';
import { JOURNEY_STAGES, type ContentType, type JourneyStage } from '../../lib/schema/content';
import type { Site } from '../../lib/schema/page-context';
import type { ActivityCounts, RepActivity, SiteActivity, StageActivity, TypeActivity } from '../../lib/schema/stats';
import type { SqlDialect } from '../db/sql-dialect';
import { activityColumns, activityOf, zeroActivity } from './activity-columns';
import type { StatsScope } from './event-scope';
import { facts } from './facts';

/** ORDER BY for breakdown rows: most uses first, then the key ascending with null last. */
function rankedBy<T>(dialect: SqlDialect, key: Expression<T>) {
  return [sql`sum(${sql.ref('f.uses')}) desc`, sql`${key} is null`, dialect.byCodePoint(key)];
}

/** Activity per value of one dimension, ranked; `null` gathers events without a value. */
async function activityBy<K extends string>(scope: StatsScope, column: 'stage' | 'site' | 'content_type') {
  const key = sql.ref<K | null>(`f.${column}`);
  let q = facts(scope, [column])
    .select([key.as('key'), ...activityColumns()])
    .groupBy(key);
  for (const order of rankedBy(scope.sql, key)) q = q.orderBy(order);
  const rows = await q.execute();
  return rows.map((row) => ({ key: row.key as K | null, counts: activityOf(row) }));
}

/** The five stages in journey order, then `null`: always six rows, a fixed axis for the chart. */
export async function byStage(scope: StatsScope): Promise<StageActivity[]> {
  const rows = new Map<JourneyStage | null, ActivityCounts>((await activityBy<JourneyStage>(scope, 'stage')).map((r) => [r.key, r.counts]));
  return [...JOURNEY_STAGES, null].map((stage) => ({ stage, ...(rows.get(stage) ?? zeroActivity()) }));
}

export async function byType(scope: StatsScope): Promise<TypeActivity[]> {
  return (await activityBy<ContentType>(scope, 'content_type')).map((r) => ({ type: r.key, ...r.counts }));
}

export async function bySite(scope: StatsScope): Promise<SiteActivity[]> {
  return (await activityBy<Site>(scope, 'site')).map((r) => ({ site: r.key, ...r.counts }));
}

/**
 * Per rep, keyed by the email of the token that sent the events. Grouped by user id first so
 * the users table is read once per rep rather than once per event.
 */
export async function byRep(scope: StatsScope): Promise<RepActivity[]> {
  const perUser = facts(scope, ['user_id'])
    .select(['f.user_id', ...activityColumns()])
    .groupBy('f.user_id');
  let q = scope.db
    .selectFrom(perUser.as('t'))
    .innerJoin('users as u', 'u.id', 't.user_id')
    .select(['u.email', 't.inserts', 't.copies', 't.opens', 't.previews', 't.uses', 't.searches', 't.noResultSearches']);
  const email = sql.ref<string>('u.email');
  for (const order of [sql`${sql.ref('t.uses')} desc`, sql`${email} is null`, scope.sql.byCodePoint(email)]) q = q.orderBy(order);
  const rows = await q.execute();
  return rows.map((row) => ({ user: row.email, ...activityOf(row) }));
}
