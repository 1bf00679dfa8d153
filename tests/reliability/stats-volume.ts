// Stats at volume: `npx tsx tests/reliability/stats-volume.ts [events] [reps]`.
// A year of a 2,000-rep team (10 million usage events, generated in SQL with generate_series)
// in a throw-away PostgreSQL cluster, the daily roll-ups built from them, then
// GET /api/v1/stats for 30 days from `quiver serve` in its own process: the figure is the
// median of 5 answers, bound 1 s. Prints the query plans (EXPLAIN ANALYZE) of the main reads.
import { writeFileSync } from 'node:fs';
import { sql } from 'kysely';
import { CONTENT_TYPES, JOURNEY_STAGES } from '../../lib/schema/content';
import { statsQuerySchema } from '../../lib/schema/stats';
import { openDatabase } from '../../server/db/open-database';
import { dialectOf } from '../../server/db/sql-dialect';
import { importIntoOrg } from '../../server/library-import';
import { scopedEvents, type StatsScope } from '../../server/stats/event-scope';
import { facts } from '../../server/stats/facts';
import { activityColumns, kindIn, TIMED_KINDS } from '../../server/stats/activity-columns';
import { createAccessToken } from '../../server/store/tokens';
import { contentItem } from '../server/support/content-items';
import { createDatabase, startPostgresCluster } from '../server/support/postgres-cluster';
import { call } from '../server/support/test-server';
import { describeFigure, recordFigures, type Figure } from './support/figures';
import { startQuiverChild } from './support/quiver-child';

const eventCount = Number(process.argv[2] ?? 10_000_000);
const repCount = Number(process.argv[3] ?? 2_000);
const ITEMS = 2_000;
const YEAR_START = '2025-01-01';
const DAYS = 365;
const BOUND_MS = 1000;

// QUIVER_STATS_VOLUME_KEEP=1 leaves the cluster running and prints its database URL and the
// manager token, to look at the data afterwards (stop it with pg_ctl, remove its folder).
const keep = process.env.QUIVER_STATS_VOLUME_KEEP === '1';
const t0 = performance.now();
const elapsed = () => `${((performance.now() - t0) / 1000).toFixed(0)} s`;
// A production-like cluster: fsync on; memory settings an operator of a 24 GB machine would give it.
const cluster = await startPostgresCluster({
  durable: true,
  settings: { shared_buffers: '2GB', work_mem: '64MB', maintenance_work_mem: '1GB', max_wal_size: '8GB', checkpoint_timeout: '30min' },
});
let exitCode = 1;
if (!keep) process.once('exit', () => cluster.stop());
try {
  const url = await createDatabase(cluster.adminUrl);
  const db = await openDatabase(url, { poolSize: 4 });
  const CONTENT_TYPE_LIST = [...CONTENT_TYPES];
  await importIntoOrg(
    db,
    'acme',
    Array.from({ length: ITEMS }, (_, i) =>
      contentItem(`item-${i}`, {
        type: CONTENT_TYPE_LIST[i % CONTENT_TYPE_LIST.length]!,
        stages: [JOURNEY_STAGES[i % 5]!, JOURNEY_STAGES[(i * 3) % 5]!],
        owner: `owner-${i % 25}@acme.test`,
        ...(i % 7 === 0 ? { review_by: '2025-06-01' } : {}),
        ...(i % 11 === 0 ? { expires: '2025-09-01' } : {}),
      }),
    ),
  );
  const manager = (await createAccessToken(db, { orgSlug: 'acme', email: 'lead@acme.test', role: 'manager' })).token;
  const org = await db.selectFrom('orgs').select('id').where('slug', '=', 'acme').executeTakeFirstOrThrow();
  await sql`insert into users (id, org_id, email, role, created_at)
    select gen_random_uuid()::text, ${org.id}, 'rep-' || lpad(g::text, 4, '0') || '@acme.test', 'rep', '2025-01-01T00:00:00.000Z'
    from generate_series(1, ${repCount}) g`.execute(db);
  console.log(`[${elapsed()}] library of ${ITEMS} items, ${repCount} reps`);

  // Loaded without the secondary indexes, which are built once afterwards: far faster than
  // maintaining five indexes row by row, and the same indexes in the end.
  const indexes = await sql<{
    indexname: string;
    indexdef: string;
  }>`select indexname, indexdef from pg_indexes where tablename = 'usage_events' and indexname <> 'usage_events_pk'`.execute(db);
  for (const { indexname } of indexes.rows) await sql`drop index ${sql.id(indexname)}`.execute(db);

  const list = (values: readonly string[]) => sql.raw(`array[${values.map((v) => `'${v}'`).join(',')}]`);
  // Kinds in realistic proportions: searching dominates, uses are a minority.
  const KINDS = [
    'search',
    'search',
    'search',
    'search',
    'search_no_results',
    'preview',
    'preview',
    'suggestion_shown',
    'suggestion_shown',
    'insert',
    'insert',
    'copy',
    'copy_link',
    'open_asset',
    'expand_shortcut',
    'suggestion_used',
  ];
  const SITES = ['gmail', 'gmail', 'gmail', 'linkedin', 'salesforce', 'hubspot', 'outlook'];
  const CHUNK = 500_000;
  const chunks: [number, number][] = [];
  for (let from = 1; from <= eventCount; from += CHUNK) chunks.push([from, Math.min(eventCount, from + CHUNK - 1)]);
  let loaded = 0;
  // Two sessions at once, one per core.
  const load = async ([from, to]: [number, number]) => {
    await sql`
      with r as (
        select g, md5('event' || g)::uuid::text as id,
          (${list(KINDS)})[1 + floor(random() * ${KINDS.length})::int] as kind,
          floor(random() * ${DAYS})::int as day,
          floor(random() * 36000)::int + 25200 as second,
          floor(random() * ${repCount})::int as rep,
          floor(random() * ${ITEMS})::int as item,
          (${list(JOURNEY_STAGES)})[1 + floor(random() * 5)::int] as stage,
          (${list(SITES)})[1 + floor(random() * ${SITES.length})::int] as site,
          floor(random() * 60000)::int as ms,
          random() < 0.08 as stale,
          floor(random() * 400)::int as q,
          (${list(JOURNEY_STAGES)})[1 + floor(random() * 5)::int] as filter_stage
        from generate_series(${from}::int, ${to}::int) g
      ), e as (
        select r.*, u.id as user_id, u.email,
          to_char(${YEAR_START}::timestamp + make_interval(days => day, secs => second), 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at,
          kind in ('search', 'search_no_results') as searching
        from r join (select id, email, row_number() over (order by email) - 1 as n from users where org_id = ${org.id} and role = 'rep') u on u.n = r.rep
      )
      insert into usage_events (org_id, id, user_id, kind, at, content_id, content_type, stage, site, page_kind, query, result_count, time_to_content_ms, stale, payload, received_at, stage_filter)
      select ${org.id}, id, user_id, kind, at,
        case when searching then null else 'item-' || item end,
        case when searching then null else (${list(CONTENT_TYPE_LIST)})[1 + item % ${CONTENT_TYPE_LIST.length}] end,
        stage, case when site = 'outlook' then null else site end, 'compose',
        case when searching then 'query ' || q end,
        case when kind = 'search' then 5 when kind = 'search_no_results' then 0 end,
        case when kind in ('insert', 'copy', 'copy_link', 'expand_shortcut') then ms end,
        case when searching then null when stale then 1 else 0 end,
        json_build_object('id', id, 'kind', kind, 'at', at, 'user', email, 'stage', stage, 'site', site, 'pageKind', 'compose',
          'contentId', case when searching then null else 'item-' || item end, 'query', case when searching then 'query ' || q end,
          'filters', case when kind = 'search_no_results' then json_build_object('stages', json_build_array(filter_stage), 'types', json_build_array()) end)::text,
        at,
        case when kind = 'search_no_results' then filter_stage end
      from e`.execute(db);
    loaded += to - from + 1;
    console.log(`[${elapsed()}] ${loaded.toLocaleString('en')} events`);
  };
  for (let i = 0; i < chunks.length; i += 2) await Promise.all(chunks.slice(i, i + 2).map(load));
  for (let i = 0; i < indexes.rows.length; i += 2) {
    await Promise.all(
      indexes.rows.slice(i, i + 2).map(async ({ indexname, indexdef }) => {
        await sql.raw(indexdef).execute(db);
        console.log(`[${elapsed()}] index ${indexname}`);
      }),
    );
  }

  // The roll-ups from the events, with the counting rules ingestion uses (server/stats/activity-columns.ts).
  const scope: StatsScope = {
    db,
    sql: dialectOf(db),
    orgId: org.id,
    query: statsQuerySchema.parse({ from: YEAR_START, to: '2025-12-31' }),
    today: '2026-01-01',
  };
  console.log(`[${elapsed()}] roll-ups: building`);
  const count = (kinds: readonly string[]) => sql`sum(case when kind in (${sql.join(kinds)}) then 1 else 0 end)`;
  const USE = ['insert', 'copy', 'copy_link', 'open_asset', 'expand_shortcut'];
  const counters = sql`count(*), ${count(['insert', 'expand_shortcut'])}, ${count(['copy', 'copy_link'])}, ${count(['open_asset'])}, ${count(['preview'])}, ${count(USE)},
    ${count(['search', 'search_no_results'])}, ${count(['search_no_results'])}, sum(case when stale = 1 and kind in (${sql.join(USE)}) then 1 else 0 end)`;
  const names = sql.raw('events, inserts, copies, opens, previews, uses, searches, no_result_searches, stale_uses');
  await Promise.all([
    sql`insert into usage_daily (org_id, day, stage, site, content_type, ${names})
    select org_id, substr(at, 1, 10), coalesce(stage, ''), coalesce(site, ''), coalesce(content_type, ''), ${counters}
    from usage_events group by 1, 2, 3, 4, 5`.execute(db),
    sql`insert into usage_daily_users (org_id, day, user_id, ${names})
    select org_id, substr(at, 1, 10), user_id, ${counters} from usage_events group by 1, 2, 3`.execute(db),
    sql`insert into usage_daily_content (org_id, day, content_id, inserts, copies, opens, previews, uses, stale_uses)
    select org_id, substr(at, 1, 10), content_id, ${count(['insert', 'expand_shortcut'])}, ${count(['copy', 'copy_link'])}, ${count(['open_asset'])}, ${count(['preview'])}, ${count(USE)},
      sum(case when stale = 1 and kind in (${sql.join(USE)}) then 1 else 0 end)
    from usage_events where content_id is not null group by 1, 2, 3`.execute(db),
  ]);
  await sql`vacuum analyze`.execute(db);
  const sizes = await sql<{ relname: string; rows: number; size: string }>`
    select relname, reltuples::bigint as rows, pg_size_pretty(pg_total_relation_size(oid)) as size from pg_class
    where relname in ('usage_events', 'usage_daily', 'usage_daily_users', 'usage_daily_content') order by relname`.execute(db);
  console.log(`[${elapsed()}] roll-ups built, analysed`);
  for (const s of sizes.rows) console.log(`  ${s.relname}: ${Number(s.rows).toLocaleString('en')} rows, ${s.size}`);

  // The plans of the reads a 30-day stats query makes, as the server builds them.
  const month = { ...scope, query: statsQuerySchema.parse({ from: '2025-12-02', to: '2025-12-31' }) };
  const plans: [string, { sql: string; parameters: readonly unknown[] }][] = [
    [
      'trend: daily roll-up',
      facts(month, ['day'])
        .select([sql`${sql.ref('f.day')}`.as('start'), ...activityColumns()])
        .groupBy('f.day')
        .compile(),
    ],
    [
      'by rep: roll-up per rep',
      facts(month, ['user_id'])
        .select(['f.user_id', ...activityColumns()])
        .groupBy('f.user_id')
        .compile(),
    ],
    [
      'time to content: partial index of timed uses',
      scopedEvents(month)
        .where(kindIn(TIMED_KINDS))
        .where('e.time_to_content_ms', 'is not', null)
        .select([sql`count(*)`.as('n')])
        .compile(),
    ],
    [
      'content gaps: partial index of searches with no results',
      scopedEvents(month)
        .where('e.kind', '=', 'search_no_results')
        .select(['e.query', 'e.stage_filter', sql`count(*)`.as('n')])
        .groupBy(['e.query', 'e.stage_filter'])
        .compile(),
    ],
  ];
  const planText: string[] = [];
  for (const [name, compiled] of plans) {
    const explained = await sql<{ 'QUERY PLAN': string }>`explain (analyze, buffers, costs off) ${sql.raw(inline(compiled.sql, compiled.parameters))}`.execute(
      db,
    );
    planText.push(`-- ${name}`, ...explained.rows.map((r) => r['QUERY PLAN']), '');
  }
  console.log(planText.join('\n'));
  if (process.env.QUIVER_EXPLAIN_OUT) writeFileSync(process.env.QUIVER_EXPLAIN_OUT, planText.join('\n'));
  await db.destroy();

  const server = await startQuiverChild(url);
  const time = async (query: string) => {
    const times: number[] = [];
    let events = 0;
    for (let i = 0; i < 5; i += 1) {
      const started = performance.now();
      const res = await call(`${server.url}/api/v1/stats?${query}`, { token: manager });
      times.push(performance.now() - started);
      if (res.status !== 200) throw new Error(`stats answered ${res.status}: ${res.text}`);
      events = res.json.totals.events;
    }
    times.sort((a, b) => a - b);
    return { median: Math.round(times[2]!), worst: Math.round(times[4]!), events };
  };
  const month30 = await time('from=2025-12-02&to=2025-12-31');
  const byStage = await time('from=2025-12-02&to=2025-12-31&stage=interest');
  const oneRep = await time('from=2025-12-02&to=2025-12-31&user=rep-0042@acme.test');
  const year = await time('from=2025-01-01&to=2025-12-31&bucket=week');
  await server.stop();

  const figures: Figure[] = [
    { item: '10', name: `stats at volume · events stored (a year, ${repCount} reps)`, value: eventCount },
    { item: '10', name: 'stats at volume · events in the 30 days asked for', value: month30.events },
    { item: '10', name: 'stats at volume · GET /api/v1/stats, 30 days, median of 5', value: month30.median, unit: 'ms', atMost: BOUND_MS },
    { item: '10', name: 'stats at volume · GET /api/v1/stats, 30 days, slowest of 5', value: month30.worst, unit: 'ms' },
    {
      item: '10',
      name: 'stats at volume · 30 days with a stage filter (raw events for per-rep and per-item figures), median',
      value: byStage.median,
      unit: 'ms',
    },
    { item: '10', name: 'stats at volume · 30 days for one rep (raw events by rep index), median', value: oneRep.median, unit: 'ms' },
    { item: '10', name: 'stats at volume · the whole year by week, median', value: year.median, unit: 'ms' },
  ];
  recordFigures(figures);
  for (const f of figures) console.log(describeFigure(f));
  exitCode = month30.median <= BOUND_MS && month30.events > 0 ? 0 : 1;
  if (keep) console.log(`kept: ${url} (cluster in ${cluster.dir}), manager token ${manager}`);
} finally {
  if (!keep) cluster.stop();
}
process.exitCode = exitCode;

/** A compiled query with its parameters written in, for EXPLAIN (which takes no parameters). */
function inline(text: string, parameters: readonly unknown[]): string {
  return text.replace(/\$(\d+)/g, (_, n: string) => {
    const value = parameters[Number(n) - 1];
    return typeof value === 'number' ? String(value) : `'${String(value).replace(/'/g, "''")}'`;
  });
}
