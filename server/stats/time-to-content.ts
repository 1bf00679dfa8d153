import { sql, type RawBuilder } from 'kysely';
import { JOURNEY_STAGES, type JourneyStage } from '../../lib/schema/content';
import type { Site } from '../../lib/schema/page-context';
import type { TimeToContent, TimeToContentStats } from '../../lib/schema/stats';
import { compareText } from '../../lib/kpi/compare';
import { kindIn, TIMED_KINDS } from './activity-columns';
import { scopedEvents, type StatsScope } from './event-scope';

/**
 * The 1-based row holding the nearest-rank P-th percentile of n sorted values: ceil(P·n/100),
 * written as (P·n + 99) / 100 in integer division so it is exact (lib/kpi/percentile.ts).
 */
function rankOf(percent: number): RawBuilder<number> {
  return sql<number>`(${sql.lit(percent)} * ${sql.ref('r.n')} + 99) / 100`;
}

/**
 * Count, median and p90 of time to content per group, in SQL: number the timed events of each
 * group by time with a window, then keep the value at each percentile's rank.
 */
async function summariseBy(scope: StatsScope, key: RawBuilder<string | null>, order: RawBuilder<unknown>[]) {
  const timed = scopedEvents(scope)
    .where(kindIn(TIMED_KINDS))
    .where('e.time_to_content_ms', 'is not', null)
    .select([
      key.as('g'),
      'e.time_to_content_ms as ms',
      sql<number>`row_number() over (partition by ${key} order by ${sql.ref('e.time_to_content_ms')})`.as('rn'),
      sql<number>`count(*) over (partition by ${key})`.as('n'),
    ]);
  let q = scope.db
    .selectFrom(timed.as('r'))
    .select([
      'r.g',
      'r.n',
      sql<number | null>`max(case when ${sql.ref('r.rn')} = ${rankOf(50)} then ${sql.ref('r.ms')} end)`.as('median'),
      sql<number | null>`max(case when ${sql.ref('r.rn')} = ${rankOf(90)} then ${sql.ref('r.ms')} end)`.as('p90'),
    ])
    .groupBy(['r.g', 'r.n']);
  for (const o of order) q = q.orderBy(o);
  const rows = await q.execute();
  return rows.map((row) => ({ key: row.g, summary: summaryOf(row) }));
}

function summaryOf(row: { n: unknown; median: unknown; p90: unknown }): TimeToContent {
  return {
    count: Number(row.n),
    medianMs: row.median === null ? null : Number(row.median),
    p90Ms: row.p90 === null ? null : Number(row.p90),
  };
}

/** Journey order, events naming no stage last. */
function journeyOrder(stage: RawBuilder<unknown>): RawBuilder<number> {
  const ranks = JOURNEY_STAGES.map((s, i) => sql`when ${s} then ${sql.lit(i)}`);
  return sql<number>`case ${stage} ${sql.join(ranks, sql` `)} else ${sql.lit(JOURNEY_STAGES.length)} end`;
}

/**
 * Where the database has grouping sets and an ordered-set percentile (PostgreSQL): overall,
 * per site and per stage from one scan of the timed events, each group sorted once. Ordered
 * here as the payload wants: sites by code point with null last, stages in journey order.
 */
async function timeToContentInOnePass(scope: StatsScope): Promise<TimeToContentStats | undefined> {
  const site = sql.ref<Site | null>('e.site');
  const stage = sql.ref<JourneyStage | null>('e.stage');
  const ms = sql.ref<number>('e.time_to_content_ms');
  const [median, p90] = [scope.sql.nearestRank(50, ms), scope.sql.nearestRank(90, ms)];
  const sets = scope.sql.groupingSets([[], [site], [stage]]);
  if (!median || !p90 || !sets) return undefined;
  const rows = await scopedEvents(scope)
    .where(kindIn(TIMED_KINDS))
    .where('e.time_to_content_ms', 'is not', null)
    .select([
      site.as('site'),
      stage.as('stage'),
      // Bit 1: site not grouped; bit 0: stage not grouped. () is 3, (site) 1, (stage) 2.
      sql<number>`grouping(${site}, ${stage})`.as('level'),
      sql<number>`count(*)`.as('n'),
      median.as('median'),
      p90.as('p90'),
    ])
    .groupBy(sets as never)
    .execute();
  const at = (level: number) => rows.filter((r) => Number(r.level) === level && Number(r.n) > 0);
  const stageRank = (s: JourneyStage | null) => (s === null ? JOURNEY_STAGES.length : JOURNEY_STAGES.indexOf(s));
  const overall = at(3)[0];
  return {
    overall: overall ? summaryOf(overall) : { count: 0, medianMs: null, p90Ms: null },
    bySite: at(1)
      .sort((a, b) => (a.site === null ? 1 : b.site === null ? -1 : compareText(a.site, b.site)))
      .map((r) => ({ site: r.site, ...summaryOf(r) })),
    byStage: at(2)
      .sort((a, b) => stageRank(a.stage) - stageRank(b.stage))
      .map((r) => ({ stage: r.stage, ...summaryOf(r) })),
  };
}

/** Median and p90 over in-scope inserts and copies that carry a time, overall, per site and per stage. */
export async function timeToContent(scope: StatsScope): Promise<TimeToContentStats> {
  const inOnePass = await timeToContentInOnePass(scope);
  if (inOnePass) return inOnePass;
  const site = sql<Site | null>`${sql.ref('e.site')}`;
  const stage = sql<JourneyStage | null>`${sql.ref('e.stage')}`;
  const g = sql.ref<string | null>('g');
  const [overall, bySite, byStage] = await Promise.all([
    summariseBy(scope, sql<null>`null`, []),
    summariseBy(scope, site, [sql`${g} is null`, scope.sql.byCodePoint(g)]),
    summariseBy(scope, stage, [journeyOrder(sql`${g}`)]),
  ]);
  return {
    overall: overall[0]?.summary ?? { count: 0, medianMs: null, p90Ms: null },
    bySite: bySite.map((r) => ({ site: r.key as Site | null, ...r.summary })),
    byStage: byStage.map((r) => ({ stage: r.key as JourneyStage | null, ...r.summary })),
  };
}
