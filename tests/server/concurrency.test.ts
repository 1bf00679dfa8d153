import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContentItem } from '../../lib/schema/content';
import { liveItems } from '../../server/store/library';
import { findOrg } from '../../server/store/orgs';
import { contentItem } from './support/content-items';
import { TEST_DB_KIND } from './support/test-db';
import { call, startTestServer, type TestServer } from './support/test-server';

/*
 * Two server instances on one database, written to and read from at the same time. On
 * PostgreSQL they are two pools, as two `quiver serve` processes would have; the properties
 * below hold because of how sequence numbers are handed out (server/store/library.ts
 * lockLibrary) and because the events' primary key decides what is new. SQLite is served by
 * one process, one writer at a time, which makes them hold by construction: there the second
 * instance reads (its own connection) and its writes go through the first.
 */

let a: TestServer;
let b: TestServer;
/** Who writes for an instance: itself on PostgreSQL, the single writer on SQLite. */
const writerFor = (server: TestServer) => (TEST_DB_KIND === 'sqlite' ? a : server);

beforeAll(async () => {
  a = await startTestServer();
  b = await startTestServer({ db: a.dbTarget });
});
afterAll(async () => {
  await b.close();
  await a.dispose();
});

/** A library as one import makes it: a random part of 40 ids, each with a title saying which round wrote it. */
function libraryOfRound(round: number, random: () => number): ContentItem[] {
  return Array.from({ length: 40 }, (_, i) => i)
    .filter(() => random() < 0.7)
    .map((i) => contentItem(`item-${String(i).padStart(2, '0')}`, { title: `Item ${i}, round ${round}${random() < 0.5 ? ' (edited)' : ''}` }));
}

/** A client as the extension's sync loop is: pages of `limit` from its cursor, applied in order. */
class SyncingClient {
  readonly items = new Map<string, number>();
  cursor = '';
  pages = 0;
  constructor(
    private readonly servers: TestServer[],
    private readonly token: string,
    private readonly limit: number,
  ) {}
  async syncOnce(): Promise<void> {
    for (;;) {
      const server = this.servers[this.pages % this.servers.length]!;
      const res = await call(`${server.url}/api/v1/library?cursor=${encodeURIComponent(this.cursor)}&limit=${this.limit}`, { token: this.token });
      if (res.status !== 200) throw new Error(`library page: ${res.status} ${res.text}`);
      this.pages += 1;
      if (this.cursor === '') this.items.clear();
      for (const item of res.json.items as { id: string; version: number }[]) this.items.set(item.id, item.version);
      for (const id of res.json.deleted as string[]) this.items.delete(id);
      this.cursor = res.json.cursor;
      if (!res.json.hasMore) return;
    }
  }
}

describe('the library cursor under concurrent imports', () => {
  it('never skips a change: clients syncing page by page through both instances end with exactly the library', async () => {
    let seed = 7;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    await a.setLibrary('acme', libraryOfRound(0, random));
    const token = await a.tokenFor('acme', 'rep@acme.test', 'rep');
    const clients = Array.from({ length: 4 }, (_, i) => new SyncingClient([a, b], token, 3 + i));

    let importing = true;
    const syncing = clients.map(async (client) => {
      while (importing) await client.syncOnce();
    });
    // Imports two at a time, one through each instance's own connections, with the clients
    // paging in between and during.
    for (let round = 1; round <= 12; round += 2) {
      const seen = clients.map((c) => c.pages);
      await Promise.all([a.setLibrary('acme', libraryOfRound(round, random)), writerFor(b).setLibrary('acme', libraryOfRound(round + 1, random))]);
      while (clients.some((c, i) => c.pages < seen[i]! + 2)) await new Promise((r) => setTimeout(r, 5));
    }
    importing = false;
    await Promise.all(syncing);
    for (const client of clients) await client.syncOnce();

    const org = await findOrg(a.db, 'acme');
    const rows = await a.db.selectFrom('content_items').select(['id', 'version']).where('org_id', '=', org!.id).where('deleted_at', 'is', null).execute();
    const expected = new Map(rows.map((r) => [r.id, r.version]));
    expect(expected.size).toBeGreaterThan(0);
    for (const client of clients) {
      expect(Object.fromEntries(client.items)).toEqual(Object.fromEntries(expected));
    }
    // Sequence numbers stayed unique: each change has its own place in the order.
    const seqs = await a.db.selectFrom('content_items').select('seq').where('org_id', '=', org!.id).execute();
    expect(new Set(seqs.map((s) => s.seq)).size).toBe(seqs.length);
    expect((await liveItems(a.db, org!.id)).length).toBe(expected.size);
  });
});

function usageEvent(i: number) {
  return {
    id: crypto.randomUUID(),
    kind: (['insert', 'copy', 'preview', 'search'] as const)[i % 4],
    at: `2026-03-${String(10 + (i % 5)).padStart(2, '0')}T10:00:00.000Z`,
    contentId: `item-${i % 6}`,
    contentType: 'case_study',
    stage: 'interest',
    site: 'gmail',
  };
}

describe('usage events retried against different instances', () => {
  it('are counted exactly once, in the events and in the roll-ups the stats read', async () => {
    const rep = await a.tokenFor('globex', 'rep@globex.test', 'rep');
    const manager = await a.tokenFor('globex', 'lead@globex.test', 'manager');
    const batches = Array.from({ length: 8 }, (_, n) => ({ events: Array.from({ length: 50 }, (_, i) => usageEvent(n * 50 + i)) }));
    // Every batch sent to both instances at once, then again to each: a retry after a lost answer.
    const answers = await Promise.all(
      batches.flatMap((batch) => [a, b, b, a].map((server) => call(`${writerFor(server).url}/api/v1/events`, { token: rep, body: batch }))),
    );
    expect(answers.every((r) => r.status === 200)).toBe(true);
    const accepted = answers.reduce((sum, r) => sum + r.json.accepted, 0);
    expect(accepted).toBe(400);
    expect(answers.reduce((sum, r) => sum + r.json.duplicates, 0)).toBe(400 * 3);

    const org = await findOrg(a.db, 'globex');
    const stored = await a.db
      .selectFrom('usage_events')
      .select(sql<number>`count(*)`.as('n'))
      .where('org_id', '=', org!.id)
      .executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBe(400);
    const rolled = await a.db
      .selectFrom('usage_daily')
      .select(sql<number>`sum(events)`.as('n'))
      .where('org_id', '=', org!.id)
      .executeTakeFirstOrThrow();
    expect(Number(rolled.n)).toBe(400);

    const stats = await call(`${b.url}/api/v1/stats?from=2026-03-01&to=2026-03-31`, { token: manager });
    expect(stats.json.totals).toMatchObject({ events: 400, inserts: 100, copies: 100, previews: 100, searches: 100 });
    expect(stats.json.byRep).toEqual([expect.objectContaining({ user: 'rep@globex.test', uses: 200 })]);
  });
});
