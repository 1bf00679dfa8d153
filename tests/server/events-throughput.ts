// Events ingestion throughput: `npx tsx tests/server/events-throughput.ts [seconds] [connections]`.
// A benchmark, not a test: it prints a figure and checks that no accepted event was lost.
// The server runs as `quiver serve` in its own process, as in production; autocannon here.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { openDatabase } from '../../server/db/open-database';
import { createAccessToken } from '../../server/store/tokens';

const seconds = Number(process.argv[2] ?? 10);
const connections = Number(process.argv[3] ?? 8);
const BATCH = 100;

const dir = mkdtempSync(path.join(tmpdir(), 'quiver-bench-'));
const dbPath = path.join(dir, 'quiver.db');
const setup = await openDatabase(dbPath);
const { token } = await createAccessToken(setup, { orgSlug: 'bench', email: 'rep@bench.test', role: 'rep' });
await setup.destroy();

const quiver = path.resolve(import.meta.dirname, '../../bin/quiver.mjs');
const child = spawn('node', [quiver, 'serve', '--port', '0', '--db', dbPath], { stdio: ['ignore', 'ignore', 'pipe'] });
const url = await new Promise<string>((resolve, reject) => {
  let text = '';
  child.stderr.on('data', (chunk: Buffer) => {
    text += chunk.toString();
    const match = /listening on (http:\/\/\S+)/.exec(text);
    if (match?.[1]) resolve(match[1]);
  });
  child.once('exit', (code) => reject(new Error(`server exited (${code}): ${text}`)));
});

const kinds = ['search', 'preview', 'insert', 'copy', 'copy_link'] as const;
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
      query: i % 5 === 0 ? 'fleet roi' : undefined,
      resultCount: i % 5 === 0 ? 7 : undefined,
      timeToContentMs: 1500 + i,
    })),
  });

let accepted = 0;
let duplicates = 0;
const result = await autocannon({
  url: `${url}/api/v1/events`,
  connections,
  duration: seconds,
  requests: [
    {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      setupRequest: (req) => ({ ...req, body: batch() }),
      onResponse: (status, body) => {
        if (status !== 200) return;
        const parsed = JSON.parse(body) as { accepted: number; duplicates: number };
        accepted += parsed.accepted;
        duplicates += parsed.duplicates;
      },
    },
  ],
});

child.kill('SIGINT');
await new Promise((resolve) => child.once('exit', resolve));
const check = await openDatabase(dbPath);
const stored = Number(
  (await check.selectFrom('usage_events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
);
await check.destroy();
rmSync(dir, { recursive: true, force: true });

const elapsed = result.duration;
console.log(`batches of ${BATCH}, ${connections} connections, ${elapsed.toFixed(1)} s`);
console.log(`requests: ${result.requests.total} (non-2xx ${result.non2xx}, errors ${result.errors}, timeouts ${result.timeouts})`);
console.log(`latency ms: p50 ${result.latency.p50}, p99 ${result.latency.p99}`);
// Requests still in flight when autocannon stopped were stored but their answers not read:
// at most one batch per connection more stored than acknowledged. Fewer would be a loss.
const unacknowledged = stored - accepted;
const sound = unacknowledged >= 0 && unacknowledged <= connections * BATCH;
console.log(`acknowledged ${accepted} events (duplicates ${duplicates}), stored ${stored}: ${sound ? 'none lost' : 'LOST OR EXTRA EVENTS'}`);
console.log(`throughput: ${Math.round(accepted / elapsed)} events/s acknowledged`);
process.exitCode = sound && result.non2xx === 0 ? 0 : 1;
