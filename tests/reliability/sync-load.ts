// Item 7, library sync: `npx tsx tests/reliability/sync-load.ts [reps] [items] [--postgres [instances]]`.
// 50 reps page through a 10,000-item library at once, each with its own token and the real
// API client, against `quiver serve` in its own process (or several on one PostgreSQL
// database, each rep's pages taken from the instances in turn, as a load balancer would hand
// them out). Prints the total time, each rep's time and the servers' CPU (from /proc), and
// checks every rep got every item.
import { createApiClient } from '../../lib/sync/api-client';
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
await importIntoOrg(
  setup,
  'load',
  Array.from({ length: itemCount }, (_, i) =>
    contentItem(`item-${i}`, { title: `Case study ${i}: fleet idle time`, body: `Hi {{first_name | there}},\n\n${paragraph.repeat(12)}\n` }),
  ),
);
const tokens: string[] = [];
for (let i = 0; i < reps; i += 1) tokens.push((await createAccessToken(setup, { orgSlug: 'load', email: `rep${i}@load.test`, role: 'rep' })).token);
await setup.destroy();
const servers = await Promise.all(Array.from({ length: instances }, () => startQuiverChild(database.target)));

let retries = 0;

/** One rep's first sync: every page, as the sync loop asks for them. */
async function syncRep(token: string, n: number): Promise<{ seconds: number; items: number }> {
  const clients = servers.map((server) => createApiClient({ serverUrl: server.url, token, fetch, timeoutMs: 120_000 }));
  const started = performance.now();
  const ids = new Set<string>();
  let cursor: string | undefined;
  for (let page = n; ; page += 1) {
    const client = clients[page % clients.length]!;
    // A page that did not arrive is asked for again, as the extension's next sync would.
    const answer = await client.libraryPage({ ...(cursor ? { cursor } : {}), limit: PAGE }).catch((error: unknown) => {
      retries += 1;
      if (retries > 50) throw error;
      return clients[(page + 1) % clients.length]!.libraryPage({ ...(cursor ? { cursor } : {}), limit: PAGE });
    });
    if (answer.notModified) break;
    for (const item of answer.page.items) ids.add((item as { id: string }).id);
    cursor = answer.page.cursor;
    if (!answer.page.hasMore) break;
  }
  return { seconds: (performance.now() - started) / 1000, items: ids.size };
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
const figures: Figure[] = [
  { item, name: `${label} · ${reps} reps × ${itemCount} items, total time`, value: Number(total.toFixed(2)), unit: 's' },
  { item, name: `${label} · time per rep, median`, value: Number(at(0.5).toFixed(2)), unit: 's' },
  { item, name: `${label} · time per rep, slowest`, value: Number(times.at(-1)!.toFixed(2)), unit: 's' },
  { item, name: `${label} · server CPU`, value: Number(cpu.toFixed(1)), unit: `s (${Math.round((cpu / total) * 100)}% of one core)` },
  { item, name: `${label} · reps missing items`, value: results.filter((r) => r.items !== itemCount).length, atMost: 0 },
  { item, name: `${label} · pages asked for again after a failed request`, value: retries },
];
recordFigures(figures);
for (const f of figures) console.log(describeFigure(f));
process.exitCode = results.every((r) => r.items === itemCount) ? 0 : 1;
