// Several instances, one killed: `npx tsx tests/reliability/instance-kill.ts [reps] [events per rep] [items]`.
// Three `quiver serve` processes on one PostgreSQL database. Reps upload their outboxes and
// sync the library with the extension's own code (lib/events/upload, lib/sync/library-sync),
// each request going to the next instance, as a load balancer would; a rep whose request
// failed tries again at the next one. One instance is killed with SIGKILL in the middle of the
// uploads, another in the middle of a sync, and each is started again. Afterwards: every
// queued event is on the server exactly once (and counted once in the roll-ups), every outbox
// is empty, and every rep's cache is exactly the server's library.
import './support/node-extension-env';
import 'fake-indexeddb/auto';
import { sql } from 'kysely';
import { QuiverDb } from '../../lib/db';
import { enqueueEvents, outboxStats } from '../../lib/events/outbox';
import { newEvent } from '../../lib/events/track';
import { uploadOutbox } from '../../lib/events/upload';
import { createApiClient } from '../../lib/sync/api-client';
import { syncLibrary } from '../../lib/sync/library-sync';
import { openDatabase } from '../../server/db/open-database';
import { importIntoOrg } from '../../server/library-import';
import { createAccessToken } from '../../server/store/tokens';
import { contentItem } from '../server/support/content-items';
import { describeFigure, recordFigures, type Figure } from './support/figures';
import { loadDatabase } from './support/load-database';
import { startQuiverChild, type QuiverChild } from './support/quiver-child';

const repCount = Number(process.argv[2] ?? 12);
const eventsPerRep = Number(process.argv[3] ?? 2_000);
const itemCount = Number(process.argv[4] ?? 3_000);

const database = await loadDatabase('postgres');
const setup = await openDatabase(database.target);
const library = (version: number) =>
  Array.from({ length: itemCount }, (_, i) => contentItem(`item-${i}`, { title: `Item ${i}, edition ${version}${i % 3 === 0 ? ' (revised)' : ''}` }));
await importIntoOrg(setup, 'acme', library(1));
const reps = await Promise.all(
  Array.from({ length: repCount }, async (_, i) => ({
    token: (await createAccessToken(setup, { orgSlug: 'acme', email: `rep${i}@acme.test`, role: 'rep' })).token,
    db: new QuiverDb(`kill-${i}-${crypto.randomUUID()}`),
  })),
);

const instances: QuiverChild[] = await Promise.all([0, 1, 2].map(() => startQuiverChild(database.target)));
let turn = 0;
/** The next instance, round robin; a killed one is simply unreachable until it is back. */
const nextClient = (token: string) => createApiClient({ serverUrl: instances[turn++ % instances.length]!.url, token, fetch, timeoutMs: 15_000 });

const tally = { failedUploads: 0, failedSyncs: 0 };

async function uploadUntilEmpty(rep: (typeof reps)[number]): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const result = await uploadOutbox(rep.db, nextClient(rep.token));
    if (result.outcome === 'uploaded' && (await outboxStats(rep.db)).queued === 0) return;
    if (result.outcome === 'failed') tally.failedUploads += 1;
  }
  throw new Error('an outbox never emptied');
}

async function syncUntilDone(rep: (typeof reps)[number]): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const result = await syncLibrary(rep.db, nextClient(rep.token), { pageSize: 100 });
    if (result.outcome === 'synced') return;
    tally.failedSyncs += 1;
  }
  throw new Error('a sync never finished');
}

/** SIGKILL instance n after `ms`, and start a new process in its place once it is gone. */
async function killLater(n: number, ms: number): Promise<void> {
  await new Promise((r) => setTimeout(r, ms));
  await instances[n]!.kill('SIGKILL');
  instances[n] = await startQuiverChild(database.target);
}

// 1. Uploads, with an instance killed while they run.
const queued = new Set<string>();
for (const rep of reps) {
  const events = Array.from({ length: eventsPerRep }, (_, i) =>
    newEvent({
      kind: (['insert', 'copy', 'search', 'preview'] as const)[i % 4]!,
      contentId: `item-${i % 50}`,
      contentType: 'case_study',
      stage: 'interest',
      site: 'gmail',
      pageKind: 'compose',
    }),
  );
  await enqueueEvents(rep.db, events);
  for (const e of events) queued.add(e.id);
}
const uploadStarted = performance.now();
await Promise.all([...reps.map(uploadUntilEmpty), killLater(1, 400)]);
const uploadSeconds = (performance.now() - uploadStarted) / 1000;

// 2. A first sync for everyone, then a new edition of the library and a second sync with an
//    instance killed while the pages are being served.
await Promise.all(reps.map(syncUntilDone));
await importIntoOrg(
  setup,
  'acme',
  library(2).filter((_, i) => i % 10 !== 0),
);
await Promise.all([...reps.map(syncUntilDone), killLater(2, 150)]);

// 3. What the server holds against what the reps sent and hold.
const org = await setup.selectFrom('orgs').select('id').where('slug', '=', 'acme').executeTakeFirstOrThrow();
const storedIds = new Set((await setup.selectFrom('usage_events').select('id').where('org_id', '=', org.id).execute()).map((r) => r.id));
const rolledUp = Number(
  (
    await setup
      .selectFrom('usage_daily')
      .select(sql<number>`sum(events)`.as('n'))
      .where('org_id', '=', org.id)
      .executeTakeFirstOrThrow()
  ).n,
);
const serverItems = new Map(
  (await setup.selectFrom('content_items').select(['id', 'version']).where('org_id', '=', org.id).where('deleted_at', 'is', null).execute()).map((r) => [
    r.id,
    r.version,
  ]),
);
let wrongLibraries = 0;
let leftInOutboxes = 0;
for (const rep of reps) {
  const cached = await rep.db.items.toArray();
  const same = cached.length === serverItems.size && cached.every((item) => serverItems.get(item.id) === item.version);
  if (!same) wrongLibraries += 1;
  leftInOutboxes += (await outboxStats(rep.db)).queued;
  rep.db.close();
}
await setup.destroy();
await Promise.all(instances.map((i) => i.stop()));
await database.remove();

const lost = [...queued].filter((id) => !storedIds.has(id)).length;
const figures: Figure[] = [
  { item: '9', name: `instance killed (SIGKILL) · events queued by ${repCount} reps`, value: queued.size },
  { item: '9', name: 'instance killed (SIGKILL) · uploads cut by the kill and sent again elsewhere', value: tally.failedUploads },
  { item: '9', name: 'instance killed (SIGKILL) · events lost', value: lost, atMost: 0 },
  { item: '9', name: 'instance killed (SIGKILL) · events stored that no rep queued', value: [...storedIds].filter((id) => !queued.has(id)).length, atMost: 0 },
  // Stored once is the primary key's doing; counted once is the roll-ups' (a retried batch must not add twice).
  { item: '9', name: 'instance killed (SIGKILL) · events counted twice (roll-up minus stored)', value: rolledUp - storedIds.size, atLeast: 0, atMost: 0 },
  { item: '9', name: 'instance killed (SIGKILL) · events left in outboxes', value: leftInOutboxes, atMost: 0 },
  { item: '9', name: 'instance killed (SIGKILL) · upload time, kill and retries included', value: Number(uploadSeconds.toFixed(1)), unit: 's' },
  { item: '9', name: 'instance killed (SIGKILL) · syncs cut by the kill and resumed elsewhere', value: tally.failedSyncs },
  { item: '9', name: `instance killed (SIGKILL) · reps whose cache differs from the ${serverItems.size}-item library`, value: wrongLibraries, atMost: 0 },
];
recordFigures(figures);
for (const f of figures) console.log(describeFigure(f));
process.exitCode = lost === 0 && rolledUp === storedIds.size && wrongLibraries === 0 && leftInOutboxes === 0 ? 0 : 1;
