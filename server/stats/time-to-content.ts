import { sql } from 'kysely';
import { compareText } from '../../lib/kpi/compare';
import { JOURNEY_STAGES, type JourneyStage } from '../../lib/schema/content';
import type { Site } from '../../lib/schema/page-context';
import type { TimeToContent, TimeToContentStats } from '../../lib/schema/stats';
import { kindIn, TIMED_KINDS } from './activity-columns';
import { scopedEvents, type StatsScope } from './event-scope';

/** Values per histogram bucket: time to content in ms / 1024, about a second. */
const BUCKET_SHIFT = 1024;

/**
 * Count, median and p90 of time to content overall, per site and per stage, exact nearest
 * rank (lib/kpi/percentile.ts: the value at row ceil(P·n/100), in integer arithmetic as
 * (P·n + 99) / 100), without sorting every timed event three times:
 *
 * 1. a histogram of the timed events per site, stage and bucket of ~1 s (one hash
 *    aggregation), summed into the three groupings;
 * 2. per grouping and percentile, the bucket whose running count reaches the rank, and the
 *    rank inside that bucket;
 * 3. only the events in those buckets, numbered by value within each: the one at that rank.
 *
 * Plain SQL both databases run (CTEs, window functions); at 10 million events a year it reads
 * 250,000 timed events of 30 days once and sorts a few thousand.
 */
export async function timeToContent(scope: StatsScope): Promise<TimeToContentStats> {
  // '' for an event without a site or stage, so the groupings join on plain equality.
  const timed = scopedEvents(scope)
    .where(kindIn(TIMED_KINDS))
    .where('e.time_to_content_ms', 'is not', null)
    .select([
      sql<string>`coalesce(${sql.ref('e.site')}, '')`.as('site'),
      sql<string>`coalesce(${sql.ref('e.stage')}, '')`.as('stage'),
      'e.time_to_content_ms as ms',
      sql<number>`${sql.ref('e.time_to_content_ms')} / ${sql.lit(BUCKET_SHIFT)}`.as('b'),
    ]);
  const count = (n: string) => sql.raw(`cast(sum(${n}) as bigint)`);
  const { rows } = await sql<{ level: number; site: string; stage: string; n: number; p: number; ms: number }>`
    with t as ${timed},
    h as (select site, stage, b, count(*) as n from t group by site, stage, b),
    g as (
      select 3 as level, '' as site, '' as stage, b, ${count('n')} as n from h group by b
      union all select 1, site, '', b, ${count('n')} from h group by site, b
      union all select 2, '', stage, b, ${count('n')} from h group by stage, b
    ),
    c as (
      select level, site, stage, b, n,
        cast(sum(n) over (partition by level, site, stage order by b) as bigint) as cum,
        cast(sum(n) over (partition by level, site, stage) as bigint) as total
      from g
    ),
    ranks as (
      select distinct level, site, stage, total, 50 as p, (50 * total + 99) / 100 as r from c
      union all
      select distinct level, site, stage, total, 90 as p, (90 * total + 99) / 100 as r from c
    ),
    targets as (
      select k.level, k.site, k.stage, k.total, k.p, c.b, k.r - (c.cum - c.n) as r
      from ranks k join c on c.level = k.level and c.site = k.site and c.stage = k.stage
      where c.cum >= k.r and c.cum - c.n < k.r
    ),
    picked as (
      select tg.level, tg.site, tg.stage, tg.total, tg.p, tg.r, t.ms,
        row_number() over (partition by tg.level, tg.site, tg.stage, tg.p order by t.ms) as rn
      from targets tg join t on t.b = tg.b
        and (tg.level <> 1 or t.site = tg.site)
        and (tg.level <> 2 or t.stage = tg.stage)
    )
    select level, site, stage, total as n, p, ms from picked where rn = r`.execute(scope.db);

  const groups = new Map<string, { level: number; site: string; stage: string; summary: TimeToContent }>();
  for (const row of rows) {
    const key = `${row.level}|${row.site}|${row.stage}`;
    const group = groups.get(key) ?? {
      level: Number(row.level),
      site: row.site,
      stage: row.stage,
      summary: { count: Number(row.n), medianMs: null, p90Ms: null },
    };
    if (Number(row.p) === 50) group.summary.medianMs = Number(row.ms);
    else group.summary.p90Ms = Number(row.ms);
    groups.set(key, group);
  }
  const at = (level: number) => [...groups.values()].filter((g) => g.level === level);
  const orNull = <T extends string>(value: string) => (value === '' ? null : (value as T));
  const stageRank = (s: string) => (s === '' ? JOURNEY_STAGES.length : JOURNEY_STAGES.indexOf(s as JourneyStage));
  return {
    overall: at(3)[0]?.summary ?? { count: 0, medianMs: null, p90Ms: null },
    bySite: at(1)
      .sort((a, b) => (a.site === '' ? 1 : b.site === '' ? -1 : compareText(a.site, b.site)))
      .map((g) => ({ site: orNull<Site>(g.site), ...g.summary })),
    byStage: at(2)
      .sort((a, b) => stageRank(a.stage) - stageRank(b.stage))
      .map((g) => ({ stage: orNull<JourneyStage>(g.stage), ...g.summary })),
  };
}
