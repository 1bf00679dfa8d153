// Node's IndexedDB stand-in must be installed before Dexie loads.
import 'fake-indexeddb/auto';
import { QuiverDb } from '../../../lib/db';
import { enqueueEvents, outboxStats } from '../../../lib/events/outbox';
import { newEvent } from '../../../lib/events/track';
import { uploadOutbox } from '../../../lib/events/upload';
import type { UsageEvent } from '../../../lib/schema/events';
import { createApiClient } from '../../../lib/sync/api-client';
import { findOrg } from '../../../server/store/orgs';
import { startTestServer } from '../../server/support/test-server';
import { FAULTS, startFaultProxy, type Fault } from './fault-proxy';
import type { Figure } from './figures';

/*
 * Item 4: rounds of the real outbox upload (uploadOutbox, Dexie on fake-indexeddb) through a
 * proxy that fails at random, to the real server. New events are queued between rounds and
 * during uploads. After a last round with no faults the server must hold every event exactly
 * once, and the outbox must be empty. Shared by the fast test and the long run.
 */

export interface FlakyRun {
  rounds: number;
  seed: number;
  /** Share of requests that meet a fault. */
  faultRate?: number;
}

export interface FlakyOutcome {
  queued: number;
  onServer: number;
  /** Queued events the server does not have. */
  lost: number;
  /**
   * Events the server has that were never queued, or counted more than once in the daily
   * roll-ups the stats read (the events table's primary key cannot hold a duplicate row; the
   * roll-ups, kept by ingestion, could count a re-sent event again).
   */
  extra: number;
  /** Events the roll-ups count for the org (each stored event once). */
  rolledUp: number;
  /** Sum of `accepted` over every answer the server gave: each event must be accepted once. */
  serverAccepted: number;
  serverDuplicates: number;
  outboxLeft: number;
  dropped: number;
  requests: number;
  failedRounds: number;
  faults: Record<Fault, number>;
  seconds: number;
}

/** A small seeded generator, so a failing run can be repeated. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function runFlakyUploads({ rounds, seed, faultRate = 0.5 }: FlakyRun): Promise<FlakyOutcome> {
  const started = performance.now();
  const rand = random(seed);
  const server = await startTestServer();
  const token = await server.tokenFor('acme', 'rep@acme.test', 'rep');
  const proxy = await startFaultProxy(server.url);
  proxy.plan = () => (rand() < faultRate ? FAULTS[Math.floor(rand() * FAULTS.length)]! : 'pass');
  // Short enough that a hang costs little; long enough for a real answer on a busy machine.
  const client = createApiClient({ serverUrl: proxy.url, token, fetch, timeoutMs: 500 });
  const db = new QuiverDb(`reliability-flaky-${seed}-${crypto.randomUUID()}`);
  const queued = new Set<string>();
  const queue = async (n: number) => {
    const events: UsageEvent[] = Array.from({ length: n }, (_, i) =>
      newEvent({ kind: 'insert', contentId: `item-${i % 13}`, contentType: 'email_template', stage: 'interest', site: 'gmail', pageKind: 'compose' }),
    );
    await enqueueEvents(db, events);
    for (const e of events) queued.add(e.id);
  };

  try {
    let failedRounds = 0;
    for (let round = 0; round < rounds; round += 1) {
      await queue(Math.floor(rand() * 260));
      // Sometimes the rep keeps working while an upload is in flight.
      const during = rand() < 0.3 ? queue(1 + Math.floor(rand() * 40)) : Promise.resolve();
      const [result] = await Promise.all([uploadOutbox(db, client), during]);
      if (result.outcome === 'failed') failedRounds += 1;
    }

    proxy.plan = () => 'pass';
    // A clean network: the timeout only guards against a server that never answers (a busy
    // machine, or PostgreSQL under other tests' load, can take over half a second).
    const last = await uploadOutbox(db, createApiClient({ serverUrl: proxy.url, token, fetch, timeoutMs: 10_000 }));
    if (last.outcome === 'failed') throw new Error(`the clean round failed: ${last.error?.message}`);

    const org = await findOrg(server.db, 'acme');
    const rows = await server.db.selectFrom('usage_events').select('id').where('org_id', '=', org!.id).execute();
    const onServer = new Set(rows.map((r) => r.id));
    const daily = await server.db
      .selectFrom('usage_daily')
      .select((eb) => eb.fn.sum<number | string | null>('events').as('n'))
      .where('org_id', '=', org!.id)
      .executeTakeFirst();
    const rolledUp = Number(daily?.n ?? 0);
    const { queued: outboxLeft, dropped } = await outboxStats(db);
    return {
      queued: queued.size,
      onServer: onServer.size,
      lost: [...queued].filter((id) => !onServer.has(id)).length,
      extra: Math.abs(rolledUp - onServer.size) + [...onServer].filter((id) => !queued.has(id)).length,
      rolledUp,
      serverAccepted: proxy.server.accepted,
      serverDuplicates: proxy.server.duplicates,
      outboxLeft,
      dropped,
      requests: Object.values(proxy.counts).reduce((a, b) => a + b, 0),
      failedRounds,
      faults: { ...proxy.counts },
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    db.close();
    await proxy.close();
    await server.dispose();
  }
}

/** The figures of a run, for the report. */
export function flakyFigures(o: FlakyOutcome, rounds: number, label: string): Figure[] {
  const faults = FAULTS.reduce((n, f) => n + o.faults[f], 0);
  return [
    { item: '4', name: `${label} · upload rounds`, value: rounds },
    { item: '4', name: `${label} · requests made`, value: o.requests },
    // The attack really attacked: faults happened, some after the server had stored the batch.
    { item: '4', name: `${label} · faults injected`, value: faults, atLeast: 1 },
    {
      item: '4',
      name: `${label} · faults after the server committed`,
      value: o.faults['502 after commit'] + o.faults['hang after commit'] + o.faults['reset after commit'] + o.faults['truncated after commit'],
      atLeast: 1,
    },
    { item: '4', name: `${label} · upload rounds that failed`, value: o.failedRounds, atLeast: 1 },
    { item: '4', name: `${label} · events queued`, value: o.queued },
    { item: '4', name: `${label} · events lost`, value: o.lost, atMost: 0 },
    { item: '4', name: `${label} · events counted more than once or never queued`, value: o.extra, atMost: 0 },
    { item: '4', name: `${label} · events the server accepted minus events queued`, value: o.serverAccepted - o.queued, atLeast: 0, atMost: 0 },
    { item: '4', name: `${label} · events left in the outbox`, value: o.outboxLeft + o.dropped, atMost: 0 },
  ];
}

/** Whether every judged figure meets its bound. */
export function figuresMet(figures: readonly Figure[]): boolean {
  return figures.every((f) => (f.atLeast === undefined || f.value >= f.atLeast) && (f.atMost === undefined || f.value <= f.atMost));
}
