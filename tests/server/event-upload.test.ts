// Node's IndexedDB stand-in must be installed before Dexie loads.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getMeta, QuiverDb } from '../../lib/db';
import { enqueueEvents, outboxStats } from '../../lib/events/outbox';
import { track } from '../../lib/events/track';
import { newEvent } from '../../lib/events/track';
import { uploadOutbox, UPLOAD_BATCH } from '../../lib/events/upload';
import type { UsageEvent } from '../../lib/schema/events';
import { createApiClient } from '../../lib/sync/api-client';
import { startTestServer, type TestServer } from './support/test-server';

let server: TestServer;
let token: string;
let db: QuiverDb;
let name: string;

beforeEach(async () => {
  server = await startTestServer();
  token = await server.tokenFor('acme', 'rep@acme.test', 'rep');
  name = `quiver-outbox-${crypto.randomUUID()}`;
  db = new QuiverDb(name);
});
afterEach(async () => {
  db.close();
  await server.dispose();
});

const client = (url = server.url) => createApiClient({ serverUrl: url, token, fetch, timeoutMs: 3000 });
const serverCount = async () =>
  Number(
    (
      await server.db
        .selectFrom('usage_events')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const events = (n: number, kind: UsageEvent['kind'] = 'insert'): UsageEvent[] =>
  Array.from({ length: n }, (_, i) =>
    newEvent({
      kind,
      contentId: `item-${i % 7}`,
      contentType: 'email_template',
      stage: 'interest',
      site: 'gmail',
      pageKind: 'compose',
      timeToContentMs: 1000 + i,
    }),
  );

describe('event outbox', () => {
  it('keeps queued events across a restart', async () => {
    await enqueueEvents(db, events(12));
    db.close();
    const reopened = new QuiverDb(name);
    expect((await outboxStats(reopened)).queued).toBe(12);
    reopened.close();
  });

  it('a failed upload leaves every event queued and says why', async () => {
    await enqueueEvents(db, events(5));
    const down = `http://127.0.0.1:${server.port}`;
    await server.close();
    const result = await uploadOutbox(db, client(down));
    expect(result).toMatchObject({ outcome: 'failed', sent: 0, error: { code: 'unreachable' } });
    expect((await outboxStats(db)).queued).toBe(5);
  });

  it('uploads in batches until the outbox is empty, each event stored once', async () => {
    await enqueueEvents(db, events(UPLOAD_BATCH * 2 + 17));
    const result = await uploadOutbox(db, client());
    expect(result).toMatchObject({ outcome: 'uploaded', sent: UPLOAD_BATCH * 2 + 17, rejected: 0 });
    expect((await outboxStats(db)).queued).toBe(0);
    expect(await serverCount()).toBe(UPLOAD_BATCH * 2 + 17);
    // Kept locally for the rep's own figures.
    expect(await db.history.count()).toBe(UPLOAD_BATCH * 2 + 17);
  });

  it('a batch re-sent after its answer was lost is counted once', async () => {
    const batch = events(30);
    await enqueueEvents(db, batch);
    // The server stores the batch, but the extension never hears back (the worker stopped).
    await client().postEvents(batch);
    expect(await serverCount()).toBe(30);
    const result = await uploadOutbox(db, client());
    expect(result.outcome).toBe('uploaded');
    expect((await outboxStats(db)).queued).toBe(0);
    expect(await serverCount()).toBe(30);
  });

  it('an event the server refuses leaves the outbox, counted, and the rest are stored', async () => {
    await enqueueEvents(db, events(3));
    // Written by an older version with a kind the server no longer knows.
    await db.outbox.add({ id: crypto.randomUUID(), at: new Date().toISOString(), event: { ...events(1)[0], kind: 'teleport' } });
    const result = await uploadOutbox(db, client());
    expect(result).toMatchObject({ sent: 3, rejected: 1 });
    expect((await outboxStats(db)).queued).toBe(0);
    expect(await serverCount()).toBe(3);
    expect(await getMeta(db, 'eventsRejected')).toMatchObject({ count: 1, last: expect.stringMatching(/^kind: /) });
  });

  it('is bounded: past the limit the oldest are dropped and counted', async () => {
    const all = events(15);
    await enqueueEvents(db, all.slice(0, 10), 10);
    await enqueueEvents(db, all.slice(10), 10);
    expect(await outboxStats(db)).toEqual({ queued: 10, dropped: 5 });
    const kept = (await db.outbox.orderBy('seq').toArray()).map((r) => r.id);
    expect(kept).toEqual(all.slice(5).map((e) => e.id));
  });
});

describe('privacy', () => {
  it('with query logging off a search event carries only the result count', async () => {
    const e = await track(db, { kind: 'search_no_results', query: 'cold chain pharma', resultCount: 0 }, { logQueries: false });
    expect(e).not.toHaveProperty('query');
    expect(e.resultCount).toBe(0);
    const stored = (await db.outbox.toArray())[0]!.event as UsageEvent;
    expect(stored).not.toHaveProperty('query');
  });

  it('an insert bumps the item usage that breaks search ties', async () => {
    await track(db, { kind: 'insert', contentId: 'intro' }, { logQueries: true });
    await track(db, { kind: 'preview', contentId: 'intro' }, { logQueries: true });
    await track(db, { kind: 'copy', contentId: 'intro' }, { logQueries: true });
    expect((await db.usage.get('intro'))?.uses).toBe(2);
  });
});
