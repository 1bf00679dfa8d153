// Item 7, library sync: `npx tsx tests/reliability/sync-load.ts [reps] [items] [--postgres [instances]]`.
// 50 reps take a 10,000-item library at once, each with its own token, the real API client
// and the extension's own sync loop (syncLibrary) into its own Dexie database (fake-indexeddb),
// against `quiver serve` in its own process (or several on one PostgreSQL database, each rep's
// pages taken from the instances in turn, as a load balancer would hand them out). Prints the
// total time, each rep's time and the servers' CPU (from /proc), and checks every rep's cache
// holds every item at the server's version. The total time is judged against a bound.
import './support/node-extension-env';
// Node's IndexedDB stand-in must be installed before Dexie loads.
import 'fake-indexeddb/auto';
import { QuiverDb } from '../../lib/db';
import { createApiClient, type ApiClient } from '../../lib/sync/api-client';
import { syncLibrary } from '../../lib/sync/library-sync';
import { openDatabase } from '../../server/db/open-database';
import { importIntoOrg } from '../../server/library-import';
import { createAccessToken } from '../../server/store/tokens';
import { contentItem } from '../server/support/content-items';
import { describeFigure, recordFigures, type Figure } from './support/figures';
import { loadDatabase } from './support/load-database';
import { cpuSeconds } from './support/proc-cpu';
import { startQuiverChild } from './support/quiver-child';

const flag = process.argv.indexOf('--postgres');
const onPostgres = flag >= 0;
const instances = onPostgres ? Number(process.argv[flag + 1] ?? 1) || 1 : 1;
const positional = process.argv.slice(2, flag >= 0 ? flag : undefined);
const reps = Number(positional[0] ?? 50);
const itemCount = Number(positional[1] ?? 10_000);
const label = onPostgres ? `library sync load on PostgreSQL, ${instances} instance${instances > 1 ? 's' : ''}` : 'library sync load';
const item = onPostgres ? '9' : '7';
/** The extension's page size. */
const PAGE = 500;

const database = await loadDatabase(onPostgres ? 'postgres' : 'sqlite');
const setup = await openDatabase(database.target);
// Realistic lengths: a title, a summary and a body of about 1.2 KB.
const paragraph = 'Routewise cut idle time and empty miles for a regional fleet; dispatchers re-plan at mid-day. ';
const expectedBody = `Hi {{first_name | there}},\n\n${paragraph.repeat(12)}\n`;
const expected = new Set(Array.from({ length: itemCount }, (_, i) => `item-${i}`));
await importIntoOrg(
  setup,
  'load',
  Array.from({ length: itemCount }, (_, i) => contentItem(`item-${i}`, { title: `Case study ${i}: fleet idle time`, body: expectedBody })),
);
const tokens: string[] = [];
for (let i = 0; i < reps; i += 1) tokens.push((await createAccessToken(setup, { orgSlug: 'load', email: `rep${i}@load.test`, role: 'rep' })).token);
await setup.destroy();
const servers = await Promise.all(Array.from({ length: instances }, () => startQuiverChild(database.target)));

let retries = 0;

/**
 * The extension's client for one rep, its pages spread over the instances in turn. A page
 * that did not arrive is asked for again from the next instance, as the extension's next sync
 * would.
 */
function repClient(token: string, n: number): ApiClient {
  const clients = servers.map((server) => createApiClient({ serverUrl: server.url, token, fetch, timeoutMs: 120_000 }));
  let page = n;
  return {
    ...clients[0]!,
    // One source for the cursor, whichever instance answers.
    sourceKey: () => clients[0]!.sourceKey(),
    async libraryPage(request) {
      page += 1;
      return clients[page % clients.length]!.libraryPage(request).catch((error: unknown) => {
        retries += 1;
        if (retries > 50) throw error;
        return clients[(page + 1) % clients.length]!.libraryPage(request);
      });
    },
  };
}

/** One rep's first sync into its own cache, then what the cache holds. */
async function syncRep(token: string, n: number): Promise<{ seconds: number; items: number; wrong: number }> {
  const db = new QuiverDb(`sync-load-${n}-${crypto.randomUUID()}`);
  try {
    const started = performance.now();
    const result = await syncLibrary(db, repClient(token, n), { pageSize: PAGE });
    const seconds = (performance.now() - started) / 1000;
    if (result.outcome !== 'synced') throw new Error(`rep ${n}: sync ${result.outcome}: ${result.error?.message}`);
    const cached = await db.items.toArray();
    // Every item, as the server has it: the right id and the body the library was given.
    const wrong = cached.filter((i) => !expected.has(i.id) || i.body !== expectedBody).length;
    return { seconds, items: new Set(cached.map((i) => i.id)).size, wrong };
  } finally {
    db.close();
    await db.delete();
  }
}

const cpuBefore = servers.map((s) => cpuSeconds(s.pid));
const started = performance.now();
const results = await Promise.all(tokens.map(syncRep));
const total = (performance.now() - started) / 1000;
const cpu = servers.reduce((sum, s, i) => sum + cpuSeconds(s.pid) - cpuBefore[i]!, 0);
await Promise.all(servers.map((s) => s.stop()));
await database.remove();

const times = results.map((r) => r.seconds).sort((a, b) => a - b);
const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
/**
 * The bound on the whole: the design's budget for one rep's first sync of 10,000 items is 5 s.
 * Taken at once, the reps must be done no later than if they had been served one after another,
 * each within that budget (the caches of all reps are written by this one Node process, with
 * fake-indexeddb, which is most of the time).
 */
const BOUND_S = Math.max(10, Math.ceil(5 * reps * (itemCount / 10_000)));
const missing = results.filter((r) => r.items !== itemCount || r.wrong > 0).length;
const figures: Figure[] = [
  { item, name: `${label} · ${reps} reps × ${itemCount} items into each rep's cache, total time`, value: Number(total.toFixed(2)), unit: 's', atMost: BOUND_S },
  { item, name: `${label} · time per rep, median`, value: Number(at(0.5).toFixed(2)), unit: 's' },
  { item, name: `${label} · time per rep, slowest`, value: Number(times.at(-1)!.toFixed(2)), unit: 's' },
  { item, name: `${label} · server CPU`, value: Number(cpu.toFixed(1)), unit: `s (${Math.round((cpu / total) * 100)}% of one core)` },
  { item, name: `${label} · items in the reps' caches`, value: results.reduce((n, r) => n + r.items, 0), atLeast: reps * itemCount, atMost: reps * itemCount },
  { item, name: `${label} · reps whose cache misses or differs from the library`, value: missing, atMost: 0 },
  { item, name: `${label} · pages asked for again after a failed request`, value: retries },
];
recordFigures(figures);
for (const f of figures) console.log(describeFigure(f));
process.exitCode = missing === 0 && total <= BOUND_S ? 0 : 1;
