import type { Kysely } from 'kysely';
import type { Stats, StatsQuery } from '../../lib/schema/stats';
import type { Database } from '../db/schema';
import { inSharedSnapshot } from '../db/read-snapshot';
import { dialectOf } from '../db/sql-dialect';
import { adoption } from './adoption';
import { byRep, bySite, byStage, byType } from './breakdowns';
import { contentGaps } from './content-gaps';
import { contentUsage } from './content-usage';
import { engagement } from './engagement';
import type { StatsScope } from './event-scope';
import { governance } from './governance';
import { neverUsed } from './never-used';
import { stageCoverage } from './stage-coverage';
import { timeToContent } from './time-to-content';
import { totals } from './totals';
import { trend } from './trend';

/**
 * Every KPI of `GET /api/v1/stats` for one org, aggregated in SQL over the daily roll-ups, the
 * stored events and the current library; the same payload lib/kpi/computeStats gives for the
 * same input. One read transaction with one snapshot (repeatable read on PostgreSQL; SQLite's
 * read transactions always are), so events arriving meanwhile cannot make one figure
 * disagree with another. Read-only: on PostgreSQL it takes no lock an upload waits for.
 */
export async function serverStats(db: Kysely<Database>, orgId: string, query: StatsQuery, today: string): Promise<Stats> {
  const dialect = dialectOf(db);
  const scopeOf = (trx: Kysely<Database>): StatsScope => ({ db: trx, sql: dialect, orgId, query, today });
  // Time to content reads single events (the rest mostly roll-ups): on PostgreSQL it runs on a
  // second connection at the same time, in the same snapshot.
  const [rest, timeToContentStats] = await inSharedSnapshot(
    db,
    (trx) => everythingElse(scopeOf(trx)),
    (trx) => timeToContent(scopeOf(trx)),
  );
  return { ...rest, timeToContent: timeToContentStats };
}

async function everythingElse(scope: StatsScope): Promise<Omit<Stats, 'timeToContent'>> {
  const { query, today } = scope;
  const stageActivity = await byStage(scope);
  return {
    query,
    today,
    totals: await totals(scope),
    content: await contentUsage(scope),
    trend: await trend(scope),
    byStage: stageActivity,
    byType: await byType(scope),
    bySite: await bySite(scope),
    byRep: await byRep(scope),
    neverUsed: await neverUsed(scope),
    contentGaps: await contentGaps(scope),
    stageCoverage: await stageCoverage(scope, stageActivity),
    governance: await governance(scope),
    adoption: await adoption(scope),
    engagement: await engagement(scope),
  };
}
