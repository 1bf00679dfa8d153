import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { ActivityCounters, Database, UntypedDb } from '../db/schema';
import { utcDayOf } from '../db/sql-dialect';
import { rawCounterColumns } from './activity-columns';
import { scopedEvents, usersNamed, type StatsScope } from './event-scope';

/*
 * The in-scope usage as rows of counters, `f`, from the cheapest source that can answer: one
 * of the daily roll-ups when it holds every dimension the figure groups by and every filter
 * the query sets, else the raw events (one row each, counters 1 or 0). A figure sums `f`'s
 * counters and groups by its dimensions the same way whichever source it got, so the roll-ups
 * give exactly what the events give; the parity test holds both paths to lib/kpi.
 *
 * At 10 million events a year, 30 days of raw events are about 800,000 rows; the roll-ups
 * for the same days a few tens of thousands.
 */

/** Dimensions a figure can group by. */
export type Dimension = 'day' | 'stage' | 'site' | 'content_type' | 'user_id' | 'content_id';

/** One row of in-scope usage: dimensions (null when the event had none) and counters. */
export interface FactRow extends ActivityCounters {
  day: string;
  stage: string | null;
  site: string | null;
  content_type: string | null;
  user_id: string;
  content_id: string | null;
}

interface Rollup {
  table: 'usage_daily' | 'usage_daily_users' | 'usage_daily_content';
  dimensions: readonly Dimension[];
}

/** Smallest first: the first that covers a figure is used. */
const ROLLUPS: readonly Rollup[] = [
  { table: 'usage_daily', dimensions: ['day', 'stage', 'site', 'content_type'] },
  { table: 'usage_daily_users', dimensions: ['day', 'user_id'] },
  // Its rows name an item; a figure asking for content_id only counts events naming one.
  { table: 'usage_daily_content', dimensions: ['day', 'content_id'] },
];

/** The dimensions the query's filters read. */
function filterDimensions({ query }: StatsScope): Dimension[] {
  return [
    ...(query.stage !== undefined ? (['stage'] as const) : []),
    ...(query.site !== undefined ? (['site'] as const) : []),
    ...(query.type !== undefined ? (['content_type'] as const) : []),
    ...(query.user !== undefined ? (['user_id'] as const) : []),
  ];
}

/** Which source serves a figure grouping by `dimensions` under this query: a roll-up table, or 'events'. */
export function factSource(scope: StatsScope, dimensions: readonly Dimension[]): Rollup['table'] | 'events' {
  const needed = new Set([...dimensions, ...filterDimensions(scope)]);
  return ROLLUPS.find((r) => [...needed].every((d) => r.dimensions.includes(d)))?.table ?? 'events';
}

type Facts = SelectQueryBuilder<Database & { f: FactRow }, 'f', Record<never, never>>;

/** The in-scope usage as `f`, able to group by `dimensions`. */
export function facts(scope: StatsScope, dimensions: readonly Dimension[]): Facts {
  const source = factSource(scope, dimensions);
  const db = scope.db as unknown as Kysely<Database & { f: FactRow }>;
  return db.selectFrom((source === 'events' ? rawFacts(scope) : rollupFacts(scope, source)).as('f')) as unknown as Facts;
}

const COUNTERS = ['events', 'inserts', 'copies', 'opens', 'previews', 'uses', 'searches', 'no_result_searches', 'stale_uses'] as const;

function rawFacts(scope: StatsScope) {
  return scopedEvents(scope).select([
    utcDayOf(sql.ref('e.at')).as('day'),
    'e.stage',
    'e.site',
    'e.content_type',
    'e.user_id',
    'e.content_id',
    ...rawCounterColumns(),
  ]);
}

function rollupFacts(scope: StatsScope, table: Rollup['table']) {
  const { query, orgId } = scope;
  const has = (d: Dimension) => ROLLUPS.find((r) => r.table === table)!.dimensions.includes(d);
  // '' in a roll-up key is an event without that field: null, as the events have it.
  const key = (column: 'stage' | 'site' | 'content_type') =>
    has(column) ? sql<string | null>`nullif(${sql.ref(`r.${column}`)}, '')` : sql<string | null>`null`;
  const counters = COUNTERS.map((c) =>
    table === 'usage_daily_content' && (c === 'events' || c === 'searches' || c === 'no_result_searches')
      ? sql<number>`0`.as(c)
      : sql<number>`${sql.ref(`r.${c}`)}`.as(c),
  );
  return (scope.db as UntypedDb)
    .selectFrom(`${table} as r`)
    .where('r.org_id', '=', orgId)
    .where('r.day', '>=', query.from)
    .where('r.day', '<=', query.to)
    .$if(query.stage !== undefined, (q) => q.where('r.stage', '=', query.stage!))
    .$if(query.site !== undefined, (q) => q.where('r.site', '=', query.site!))
    .$if(query.type !== undefined, (q) => q.where('r.content_type', '=', query.type!))
    .$if(query.user !== undefined, (q) => q.where('r.user_id', 'in', usersNamed(scope, query.user!)))
    .select([
      'r.day',
      key('stage').as('stage'),
      key('site').as('site'),
      key('content_type').as('content_type'),
      (has('user_id') ? sql<string>`${sql.ref('r.user_id')}` : sql<string>`null`).as('user_id'),
      (has('content_id') ? sql<string>`${sql.ref('r.content_id')}` : sql<string>`null`).as('content_id'),
      ...counters,
    ]);
}
