// Item 7, events: `npx tsx tests/reliability/events-load.ts [requests] [connections]`.
// Batches of 100 events to `quiver serve` (its own process) from autocannon on loopback. A
// fixed number of requests, so every answer is read: the database must then hold exactly the
// events the server acknowledged, none lost. Prints events/s, p50/p99 and the server's CPU.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { openDatabase } from '../../server/db/open-database';
import { createAccessToken } from '../../server/store/tokens';
import { describeFigure, recordFigures, type Figure } from './support/figures';
import { cpuSeconds } from './support/proc-cpu';
import { startQuiverChild } from './support/quiver-child';

const requests = Number(process.argv[2] ?? 1000);
const connections = Number(process.argv[3] ?? 8);
const BATCH = 100;
/** The budget in DESIGN.md: on this 2-core machine. */
const EVENTS_PER_SECOND = 5000;
/** Past this the run is stopped: the figure would miss its bound anyway. */
const TIME_LIMIT_MS = 60_000;

const dir = mkdtempSync(path.join(tmpdir(), 'quiver-events-load-'));
const dbPath = path.join(dir, 'quiver.db');
const setup = await openDatabase(dbPath);
const { token } = await createAccessToken(setup, { orgSlug: 'load', email: 'rep@load.test', role: 'rep' });
await setup.destroy();
const server = await startQuiverChild(dbPath);

const kinds = ['search', 'preview', 'insert', 'copy', 'copy_link'] as const;
/** A batch as the extension sends it: realistic fields, ids unique across the whole run. */
const batch = () =>
  JSON.stringify({
    events: Array.from({ length: BATCH }, (_, i) => ({
      id: crypto.randomUUID(),
      kind: kinds[i % kinds.length],
      at: new Date().toISOString(),
      contentId: `item-${i % 40}`,
      contentType: 'case_study',
      stage: 'interest',
      site: 'gmail',
      pageKind: 'compose',
      ...(i % 5 === 0 ? { query: 'fleet roi', resultCount: 7 } : {}),
      timeToContentMs: 1500 + i,
    })),
  });

let acknowledged = 0;
let duplicates = 0;
const cpuBefore = cpuSeconds(server.pid);
const run = autocannon({
  url: `${server.url}/api/v1/events`,
  connections,
  amount: requests,
  timeout: 30,
  requests: [
    {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      setupRequest: (req) => ({ ...req, body: batch() }),
      onResponse: (status, body) => {
        if (status !== 200) return;
        const answer = JSON.parse(body) as { accepted: number; duplicates: number };
        acknowledged += answer.accepted;
        duplicates += answer.duplicates;
      },
    },
  ],
});
const watchdog = setTimeout(() => (run as unknown as { stop(): void }).stop(), TIME_LIMIT_MS);
const result = await run;
clearTimeout(watchdog);
const cpu = cpuSeconds(server.pid) - cpuBefore;

await server.stop();
const check = await openDatabase(dbPath);
const stored = Number((await check.selectFrom('usage_events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
await check.destroy();
rmSync(dir, { recursive: true, force: true });

const seconds = result.duration;
const figures: Figure[] = [
  { item: '7', name: 'events load · events accepted per second', value: Math.round(acknowledged / seconds), unit: 'events/s', atLeast: EVENTS_PER_SECOND },
  { item: '7', name: 'events load · latency p50 (batch of 100)', value: result.latency.p50, unit: 'ms' },
  { item: '7', name: 'events load · latency p99 (batch of 100)', value: result.latency.p99, unit: 'ms' },
  { item: '7', name: 'events load · requests answered', value: result.requests.total, atLeast: requests },
  { item: '7', name: 'events load · requests failed (non-2xx, errors, timeouts)', value: result.non2xx + result.errors + result.timeouts, atMost: 0 },
  { item: '7', name: 'events load · events acknowledged', value: acknowledged },
  // Stored and acknowledged must agree exactly: fewer stored is a loss, more an answer that lied.
  { item: '7', name: 'events load · events stored minus acknowledged', value: stored - acknowledged, atLeast: 0, atMost: 0 },
  { item: '7', name: 'events load · server CPU', value: Number(cpu.toFixed(1)), unit: `s over ${seconds.toFixed(1)} s` },
];
recordFigures(figures);
console.log(`${requests} batches of ${BATCH}, ${connections} connections, ${seconds.toFixed(1)} s (duplicates ${duplicates})`);
for (const f of figures) console.log(describeFigure(f));
process.exitCode = acknowledged / seconds >= EVENTS_PER_SECOND && stored === acknowledged && result.non2xx + result.errors + result.timeouts === 0 ? 0 : 1;
