import { afterAll, beforeAll, expect, test } from 'vitest';
import { contentItems } from '../../server/support/content-items';
import { startTestServer, type TestServer } from '../../server/support/test-server';
import { usageEvents } from '../support/browser-events';
import { cachedLibrary, outboxIds, queueEvents, readMeta, readStore } from '../../e2e/support/idb';
import { connect, syncStatus } from '../support/browser-server';
import { launchAttackSession, type AttackSession } from '../support/browser-session';
import { startSlowNetwork, type SlowNetwork } from '../support/browser-slow-network';
import { killWhileWorking, seededRandom, type Kill } from '../support/browser-worker-kill';
import { recordFigures } from '../support/figures';

/*
 * Item 3: the MV3 worker stopped by the browser at random moments, again and again, while it
 * takes a first sync of a large library from a real server and while it uploads thousands of
 * queued events. Each time it is woken again and starts from what it stored. In the end the
 * cached library is the server's, item for item and version for version, and the server holds
 * every event exactly once, as it counts them itself.
 *
 * `npm test` runs a small version; `npm run reliability` the full one (5,000 items, 3,000
 * events, at least 8 kills in each phase, as many as land before the work is done) through
 * the QUIVER_KILL* variables.
 */

// Enough pages and batches that three kills always land before the work is done.
const ITEMS = Number(process.env.QUIVER_KILL_ITEMS ?? 2500);
const EVENTS = Number(process.env.QUIVER_KILL_EVENTS ?? 1400);
/** Kills that must land in each phase; up to MAX_KILLS are made while the work lasts. */
const KILLS = Number(process.env.QUIVER_KILLS ?? 3);
const MAX_KILLS = Number(process.env.QUIVER_MAX_KILLS ?? KILLS);
/** Network latency to the server, per request: the longer, the more of the work a kill can cut. */
const LATENCY_MS = Number(process.env.QUIVER_KILL_LATENCY_MS ?? 300);
const SEED = Number(process.env.QUIVER_KILL_SEED ?? Date.now() % 2 ** 31);

let server: TestServer;
let network: SlowNetwork;
let session: AttackSession;
const random = seededRandom(SEED);

beforeAll(async () => {
  console.log(`worker death: seed ${SEED} (QUIVER_KILL_SEED=${SEED} repeats the kill times)`);
  server = await startTestServer();
  await server.setLibrary('demo', contentItems(ITEMS, 'fleet'));
  // A server across the internet, not on loopback: the work takes long enough to be cut short.
  network = await startSlowNetwork(server.url, LATENCY_MS);
  session = await launchAttackSession();
});
afterAll(async () => {
  await session?.close();
  await network?.close();
  await server?.dispose();
});

/** The server's live library as `id@version`, sorted, as cachedLibrary() writes the cache's. */
async function serverLibrary(): Promise<string[]> {
  const rows = await server.db.selectFrom('content_items').select(['id', 'version']).where('deleted_at', 'is', null).execute();
  return rows.map((r) => `${r.id}@${r.version}`).sort();
}

const describeKills = (kills: Kill[]) => kills.map((k) => `${(k.at / 1000).toFixed(1)} s: ${k.where}`).join('; ');

test(`a first sync of ${ITEMS.toLocaleString('en')} items survives the worker being stopped at random`, async () => {
  const synced = async () =>
    (await readMeta<{ state: string }>(session.seat, 'syncStatus'))?.state === 'ok' && (await readStore(session.seat, 'items')).length === ITEMS;
  // Saving the server starts the first sync; the kills start with it.
  await connect(session.seat, network, await server.tokenFor('demo', 'sam.carter@routewise.example', 'rep'));
  const kills = await killWhileWorking(session, {
    random,
    finished: synced,
    where: async () => `${(await readStore(session.seat, 'items')).length} items cached`,
    minMs: 50,
    // Up to a round trip and a half: most kills cut a page short, some let it through.
    maxMs: 1.5 * LATENCY_MS,
    maxKills: MAX_KILLS,
  });
  console.log(`sync: ${kills.length} kills — ${describeKills(kills)}`);

  const cached = await cachedLibrary(session.seat);
  const expected = await serverLibrary();
  const missing = expected.filter((i) => !cached.includes(i)).length;
  const extra = cached.filter((i) => !expected.includes(i)).length;
  recordFigures([
    { item: '3', name: `first sync of ${ITEMS.toLocaleString('en')} items · worker kills`, value: kills.length, atLeast: KILLS },
    { item: '3', name: `first sync · items missing from the cache or of another version`, value: missing, atLeast: 0, atMost: 0 },
    { item: '3', name: `first sync · items in the cache the server does not have`, value: extra, atLeast: 0, atMost: 0 },
  ]);
  expect(kills.length).toBeGreaterThanOrEqual(KILLS);
  expect({ missing, extra, count: cached.length }).toEqual({ missing: 0, extra: 0, count: ITEMS });
  expect(await syncStatus(session.seat)).toMatch(new RegExp(`— ${ITEMS} items\\.$`));
});

test(`${EVENTS.toLocaleString('en')} queued events reach the server exactly once though the worker is stopped while uploading`, async () => {
  const queued = usageEvents(EVENTS);
  for (let i = 0; i < queued.length; i += 1000) await queueEvents(session.seat, queued.slice(i, i + 1000));
  const drained = async () => (await outboxIds(session.seat)).length === 0;
  // Started, not awaited: the kills land while it runs.
  await session.seat.evaluate(
    () =>
      void (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime
        .sendMessage({ type: 'panel->bg:upload-events' })
        .catch(() => {}),
  );
  const kills = await killWhileWorking(session, {
    random,
    finished: drained,
    where: async () => `${(await outboxIds(session.seat)).length} events queued`,
    minMs: 50,
    // Each wake syncs (one round trip) before it uploads (another).
    maxMs: 3 * LATENCY_MS,
    maxKills: MAX_KILLS,
  });
  console.log(`upload: ${kills.length} kills — ${describeKills(kills)}`);

  const ids = new Set(queued.map((e) => e.id));
  const rows = (await server.db.selectFrom('usage_events').select('id').execute()).map((r) => r.id);
  const counted = rows.filter((id) => ids.has(id)).length;
  recordFigures([
    { item: '3', name: `upload of ${EVENTS.toLocaleString('en')} events · worker kills`, value: kills.length, atLeast: KILLS },
    { item: '3', name: 'upload · events the server counts (each once)', value: counted, atLeast: EVENTS, atMost: EVENTS },
    { item: '3', name: 'upload · events left in the outbox', value: (await outboxIds(session.seat)).length, atLeast: 0, atMost: 0 },
  ]);
  expect(kills.length).toBeGreaterThanOrEqual(KILLS);
  expect(counted).toBe(EVENTS);
  expect(rows.length).toBe(EVENTS);
});
