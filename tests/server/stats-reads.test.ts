import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inSnapshot } from '../../server/db/read-snapshot';
import { TEST_DB_KIND } from './support/test-db';
import { call, startTestServer, type TestServer } from './support/test-server';

/*
 * A stats query never blocks uploads: it runs on connections of its own (a second pool on
 * PostgreSQL; a read-only connection on a worker thread with WAL on SQLite), reads one
 * snapshot, and takes no lock an upload waits for. With the single SQLite connection this
 * server used to have, both tests below hang: the upload waits for the read to finish.
 */

let server: TestServer;
let rep: string;

beforeAll(async () => {
  server = await startTestServer();
  rep = await server.tokenFor('acme', 'rep@acme.test', 'rep');
});
afterAll(() => server.dispose());

const batch = (n: number) => ({
  events: Array.from({ length: n }, (_, i) => ({
    id: crypto.randomUUID(),
    kind: i % 2 ? 'insert' : 'search',
    at: '2026-03-10T10:00:00.000Z',
    stage: 'interest',
    site: 'gmail',
  })),
});

const countEvents = async (db: typeof server.db) =>
  Number(
    (
      await db
        .selectFrom('usage_events')
        .select(sql<number>`count(*)`.as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('stats reads and uploads', () => {
  it('an upload commits while a stats transaction is open, which keeps reading its own snapshot', async () => {
    const before = await countEvents(server.db);
    const seen = await inSnapshot(server.database.reads, async (trx) => {
      const first = await countEvents(trx);
      const upload = await call(`${server.url}/api/v1/events`, { token: rep, body: batch(10) });
      expect(upload.json.accepted).toBe(10);
      return { first, second: await countEvents(trx) };
    });
    expect(seen).toEqual({ first: before, second: before });
    expect(await countEvents(server.database.reads)).toBe(before + 10);
  });

  it('answers many stats requests at once (each may hold two read connections) without running out of connections', async () => {
    const manager = await server.tokenFor('acme', 'lead@acme.test', 'manager');
    const answers = await Promise.all(Array.from({ length: 7 }, () => call(`${server.url}/api/v1/stats?from=2026-03-01&to=2026-03-31`, { token: manager })));
    expect(answers.map((a) => a.status)).toEqual(Array(7).fill(200));
    expect(new Set(answers.map((a) => JSON.stringify(a.json.totals))).size).toBe(1);
  });

  it('uploads are answered while long stats queries fill every read connection', async () => {
    const slow =
      TEST_DB_KIND === 'postgres'
        ? sql`select pg_sleep(3)`
        : // A second or two of work for SQLite, on the read connection's own thread.
          sql`with recursive c(x) as (select 1 union all select x + 1 from c where x < 3000000) select count(*) from c`;
    const order: string[] = [];
    const reads = [1, 2].map(() => slow.execute(server.database.reads).then(() => order.push('stats')));
    await new Promise((r) => setTimeout(r, 200));
    const upload = await call(`${server.url}/api/v1/events`, { token: rep, body: batch(20) });
    order.push('upload');
    expect(upload.json.accepted).toBe(20);
    await Promise.all(reads);
    expect(order).toEqual(['upload', 'stats', 'stats']);
  }, 60_000);
});
