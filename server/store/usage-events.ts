import type { Insertable, Kysely, Transaction } from 'kysely';
import { stageFilterKey } from '../../lib/kpi/content-gaps';
import type { EventKind, UsageEvent } from '../../lib/schema/events';
import type { ActivityCounters, Database, UntypedDb, UsageCounters, UsageEventTable } from '../db/schema';
import { countersOf } from '../stats/activity-columns';
import { nowIso } from './clock';
import type { Principal } from './tokens';

/** Rows per INSERT: 17 columns each stays under SQLite's bound-parameter limit. */
const ROWS_PER_STATEMENT = 500;

export interface StoredEvents {
  accepted: number;
  duplicates: number;
}

/**
 * Stores valid usage events for the token's user, in one transaction, idempotent by event id
 * within the org: an event the server already has (a batch re-sent after a lost response, to
 * this instance or another, or the same id twice in one batch) is counted once, as a
 * duplicate. The primary key decides, so two instances storing the same batch at once cannot
 * both store it: PostgreSQL makes the second insert wait for the first's commit, then skip.
 *
 * The daily roll-ups are updated in the same transaction from the rows the insert really
 * stored (RETURNING), so they count each stored event once and nothing else.
 */
export async function storeUsageEvents(db: Kysely<Database>, principal: Principal, events: readonly UsageEvent[]): Promise<StoredEvents> {
  if (events.length === 0) return { accepted: 0, duplicates: 0 };
  const receivedAt = nowIso();
  const rows = events.map((e) => eventRow(principal, e, receivedAt));
  const accepted = await db.transaction().execute(async (trx) => {
    const stored: StoredRow[] = [];
    for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
      stored.push(
        ...(await trx
          .insertInto('usage_events')
          .values(rows.slice(i, i + ROWS_PER_STATEMENT))
          .onConflict((oc) => oc.columns(['org_id', 'id']).doNothing())
          .returning(['at', 'kind', 'user_id', 'stage', 'site', 'content_type', 'content_id', 'stale'])
          .execute()),
      );
    }
    await addToRollups(trx, principal.orgId, stored);
    return stored.length;
  });
  return { accepted, duplicates: events.length - accepted };
}

type StoredRow = Pick<UsageEventTable, 'at' | 'kind' | 'user_id' | 'stage' | 'site' | 'content_type' | 'content_id' | 'stale'>;

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
    stage_filter: event.kind === 'search_no_results' ? stageFilterKey(event.filters) : null,
  };
}

const ACTIVITY: readonly (keyof ActivityCounters)[] = [
  'events',
  'inserts',
  'copies',
  'opens',
  'previews',
  'uses',
  'searches',
  'no_result_searches',
  'stale_uses',
];
const USAGE: readonly (keyof UsageCounters)[] = ['inserts', 'copies', 'opens', 'previews', 'uses', 'stale_uses'];

/** Sums counters per key; keys sorted so concurrent batches lock roll-up rows in one order (no deadlock). */
class Tally<K extends Record<string, string>, C extends object> {
  private readonly rows = new Map<string, { key: K; counters: C }>();
  add(key: K, counters: C, columns: readonly (keyof C)[]): void {
    const id = JSON.stringify(Object.values(key));
    const row = this.rows.get(id);
    if (!row) {
      this.rows.set(id, { key, counters: { ...counters } });
      return;
    }
    for (const c of columns) (row.counters[c] as number) += counters[c] as number;
  }
  sorted(): (K & C)[] {
    return [...this.rows.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, r]) => ({ ...r.key, ...r.counters }));
  }
}

async function addToRollups(trx: Transaction<Database>, orgId: string, stored: readonly StoredRow[]): Promise<void> {
  if (stored.length === 0) return;
  const daily = new Tally<{ org_id: string; day: string; stage: string; site: string; content_type: string }, ActivityCounters>();
  const users = new Tally<{ org_id: string; day: string; user_id: string }, ActivityCounters>();
  const content = new Tally<{ org_id: string; day: string; content_id: string }, UsageCounters>();
  for (const row of stored) {
    const day = row.at.slice(0, 10);
    const counters = countersOf(row.kind as EventKind, row.stale === 1);
    daily.add({ org_id: orgId, day, stage: row.stage ?? '', site: row.site ?? '', content_type: row.content_type ?? '' }, counters, ACTIVITY);
    users.add({ org_id: orgId, day, user_id: row.user_id }, counters, ACTIVITY);
    if (row.content_id !== null) {
      const usage = Object.fromEntries(USAGE.map((k) => [k, counters[k]])) as unknown as UsageCounters;
      content.add({ org_id: orgId, day, content_id: row.content_id }, usage, USAGE);
    }
  }
  for (const [table, rows, keys, columns] of [
    ['usage_daily', daily.sorted(), ['org_id', 'day', 'stage', 'site', 'content_type'], ACTIVITY],
    ['usage_daily_users', users.sorted(), ['org_id', 'day', 'user_id'], ACTIVITY],
    ['usage_daily_content', content.sorted(), ['org_id', 'day', 'content_id'], USAGE],
  ] as const) {
    for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
      await (trx as unknown as UntypedDb)
        .insertInto(table)
        .values(rows.slice(i, i + ROWS_PER_STATEMENT))
        .onConflict((oc) =>
          oc.columns(keys as unknown as string[]).doUpdateSet((eb) => {
            // The existing row's counters plus the batch's: `counter = table.counter + excluded.counter`.
            const set: Record<string, unknown> = {};
            for (const c of columns) set[c] = eb(eb.ref(`${table}.${c}`), '+', eb.ref(`excluded.${c}`));
            return set;
          }),
        )
        .execute();
    }
  }
}

const DAY_MS = 86_400_000;

/** The earliest instant (ms) an event may have to be kept: `days` before now. */
export function retentionCutoff(days: number, now = Date.now()): number {
  return now - days * DAY_MS;
}

/** Events deleted per statement: short transactions, so uploads never wait long behind pruning. */
const PRUNE_BATCH = 5000;

/**
 * Deletes usage events whose `at` is more than `days` old, in small batches. The daily
 * roll-ups are not touched: figures served from them (totals, trend, breakdowns, top content,
 * reps, adoption) keep counting pruned days; those only events can give (time to content,
 * content gaps, filtered breakdowns) cover the kept days. Safe to run on several instances
 * at once: a row one deletes, the other finds gone.
 */
export async function pruneUsageEvents(db: Kysely<Database>, days: number, now = Date.now()): Promise<number> {
  const cutoff = new Date(retentionCutoff(days, now)).toISOString();
  let deleted = 0;
  for (const { id: orgId } of await db.selectFrom('orgs').select('id').execute()) {
    for (;;) {
      const doomed = db.selectFrom('usage_events').select('id').where('org_id', '=', orgId).where('at', '<', cutoff).limit(PRUNE_BATCH);
      const result = await db.deleteFrom('usage_events').where('org_id', '=', orgId).where('id', 'in', doomed).executeTakeFirst();
      const n = Number(result.numDeletedRows);
      deleted += n;
      if (n < PRUNE_BATCH) break;
    }
  }
  return deleted;
}
