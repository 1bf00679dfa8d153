import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeStats } from '../../lib/kpi/compute-stats';
import type { ContentItem } from '../../lib/schema/content';
import type { UsageEvent } from '../../lib/schema/events';
import { statsQuerySchema } from '../../lib/schema/stats';
import { openDatabase, type Db } from '../../server/db/open-database';
import { MIGRATION_NAMES } from '../../server/db/migrations';
import { createAccessToken } from '../../server/store/tokens';
import { startQuiverChild, type QuiverChild } from '../reliability/support/quiver-child';
import { contentFolder, contentItem } from './support/content-items';
import { freshTestDb, TEST_DB_KIND, type TestDb } from './support/test-db';
import { call } from './support/test-server';

/*
 * Three `quiver serve` processes on one PostgreSQL database, as behind a load balancer, and
 * `quiver import` run from elsewhere at the same time. SQLite is one process's database: this
 * suite runs in the server-pg project only.
 */

const run = promisify(execFile);
const QUIVER = path.resolve(__dirname, '../../bin/quiver.mjs');

let testDb: TestDb;
let db: Db;
let work: string;
let instances: QuiverChild[];

beforeAll(async () => {
  if (TEST_DB_KIND !== 'postgres') return;
  work = mkdtempSync(path.join(tmpdir(), 'quiver-multi-'));
  // Empty: the three instances, started together, must migrate it once between them.
  testDb = await freshTestDb({ empty: true });
  instances = await Promise.all([0, 1, 2].map(() => startQuiverChild(testDb.target)));
  db = await openDatabase(testDb.target);
}, 120_000);
afterAll(async () => {
  if (TEST_DB_KIND !== 'postgres') return;
  await Promise.all(instances.map((i) => i.stop()));
  await db.destroy();
  await testDb.remove();
  rmSync(work, { recursive: true, force: true });
});

async function importFolder(items: ContentItem[]): Promise<void> {
  const dir = contentFolder(items, {}, work);
  await run(process.execPath, [QUIVER, 'import', dir, '--db', testDb.target, '--org', 'acme', '--allow-empty']);
}

/** A rep's extension: pages from its cursor, each page from whichever instance the balancer picks. */
class Rep {
  readonly items = new Map<string, number>();
  cursor = '';
  constructor(
    readonly email: string,
    readonly token: string,
  ) {}
  async sync(from: QuiverChild[], limit = 7): Promise<void> {
    for (let page = 0; ; page += 1) {
      const server = from[page % from.length]!;
      const res = await call(`${server.url}/api/v1/library?cursor=${encodeURIComponent(this.cursor)}&limit=${limit}`, { token: this.token });
      if (res.status !== 200) throw new Error(`library page from ${server.url}: ${res.status} ${res.text}`);
      if (this.cursor === '') this.items.clear();
      for (const item of res.json.items as { id: string; version: number }[]) this.items.set(item.id, item.version);
      for (const id of res.json.deleted as string[]) this.items.delete(id);
      this.cursor = res.json.cursor;
      if (!res.json.hasMore) return;
    }
  }
}

async function serverLibrary(): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('content_items as ci')
    .innerJoin('orgs as o', 'o.id', 'ci.org_id')
    .select(['ci.id', 'ci.version'])
    .where('o.slug', '=', 'acme')
    .where('ci.deleted_at', 'is', null)
    .execute();
  return Object.fromEntries(rows.map((r) => [r.id, r.version]));
}

describe.runIf(TEST_DB_KIND === 'postgres')('three instances on one PostgreSQL', () => {
  it('started together on an empty database, migrated it once and are all ready', async () => {
    const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
    expect(applied.rows.map((r) => r.name)).toEqual([...MIGRATION_NAMES]);
    for (const instance of instances) expect((await call(`${instance.url}/readyz`)).json).toEqual({ status: 'ready' });
  });

  it('agree: reps sync from one, upload to another, the manager reads figures from the third', async () => {
    const [a, b, c] = instances as [QuiverChild, QuiverChild, QuiverChild];
    const library = Array.from({ length: 30 }, (_, i) =>
      contentItem(`item-${String(i).padStart(2, '0')}`, {
        type: i % 3 === 0 ? 'battlecard' : 'case_study',
        stages: [(['interest', 'engagement', 'conversion'] as const)[i % 3]!],
      }),
    );
    await importFolder(library);
    const reps = await Promise.all(
      ['anna', 'boris', 'chen'].map(
        async (name) => new Rep(`${name}@acme.test`, (await createAccessToken(db, { orgSlug: 'acme', email: `${name}@acme.test`, role: 'rep' })).token),
      ),
    );
    const manager = (await createAccessToken(db, { orgSlug: 'acme', email: 'lead@acme.test', role: 'manager' })).token;

    for (const rep of reps) await rep.sync([a]);
    const expectedLibrary = await serverLibrary();
    for (const rep of reps) expect(Object.fromEntries(rep.items)).toEqual(expectedLibrary);

    const sent: UsageEvent[] = [];
    const kinds = ['search', 'preview', 'insert', 'copy', 'search_no_results', 'open_asset'] as const;
    for (const [r, rep] of reps.entries()) {
      const events: UsageEvent[] = Array.from({ length: 60 }, (_, i) => {
        const item = library[(i * 7 + r) % library.length]!;
        const kind = kinds[(i + r) % kinds.length]!;
        const searching = kind === 'search' || kind === 'search_no_results';
        return {
          id: crypto.randomUUID(),
          kind,
          at: `2026-03-${String(2 + (i % 20)).padStart(2, '0')}T${String(8 + (i % 9)).padStart(2, '0')}:00:00.000Z`,
          user: rep.email,
          stage: item.stages[0]!,
          site: (['gmail', 'linkedin', 'salesforce'] as const)[i % 3],
          ...(searching
            ? { query: `query ${i % 4}`, resultCount: kind === 'search' ? 3 : 0 }
            : { contentId: item.id, contentType: item.type, timeToContentMs: 500 + 37 * i }),
        };
      });
      // Uploaded to b; each batch sent again to a and c, as an outbox retried after lost answers.
      for (let i = 0; i < events.length; i += 20) {
        const body = { events: events.slice(i, i + 20) };
        const first = await call(`${b.url}/api/v1/events`, { token: rep.token, body });
        expect(first.json).toMatchObject({ accepted: 20, duplicates: 0 });
        const again = await Promise.all([a, c].map((s) => call(`${s.url}/api/v1/events`, { token: rep.token, body })));
        for (const res of again) expect(res.json).toMatchObject({ accepted: 0, duplicates: 20 });
      }
      sent.push(...events);
    }

    for (const params of [
      { from: '2026-03-01', to: '2026-03-31' },
      { from: '2026-03-05', to: '2026-03-12', stage: 'interest' },
      { from: '2026-03-01', to: '2026-03-31', user: 'boris@acme.test', bucket: 'week' },
    ] as Record<string, string>[]) {
      const res = await call(`${c.url}/api/v1/stats?${new URLSearchParams(params)}`, { token: manager });
      expect(res.status).toBe(200);
      expect(res.json).toEqual(computeStats(sent, library, statsQuerySchema.parse(params), res.json.today));
    }
    const stats = await call(`${a.url}/api/v1/stats?from=2026-03-01&to=2026-03-31`, { token: manager });
    expect(stats.json.totals.events).toBe(180);
  }, 120_000);

  it('imports from two places at once while reps sync page by page through all three: every rep ends with exactly the library', async () => {
    const reps = await Promise.all(
      [0, 1, 2, 3].map(
        async (i) => new Rep(`syncer${i}@acme.test`, (await createAccessToken(db, { orgSlug: 'acme', email: `syncer${i}@acme.test`, role: 'rep' })).token),
      ),
    );
    let seed = 11;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const libraryOf = (round: number) =>
      Array.from({ length: 60 }, (_, i) => i)
        .filter(() => random() < 0.75)
        .map((i) => contentItem(`item-${String(i).padStart(2, '0')}`, { title: `Item ${i} as of round ${round}${random() < 0.5 ? ', revised' : ''}` }));

    let importing = true;
    const syncing = reps.map(async (rep, i) => {
      const order = [instances[i % 3]!, instances[(i + 1) % 3]!, instances[(i + 2) % 3]!];
      while (importing) await rep.sync(order, 4 + i);
    });
    for (let round = 1; round <= 4; round += 2) {
      await Promise.all([importFolder(libraryOf(round)), importFolder(libraryOf(round + 1))]);
    }
    importing = false;
    await Promise.all(syncing);
    for (const rep of reps) await rep.sync(instances);

    const expected = await serverLibrary();
    for (const rep of reps) expect(Object.fromEntries(rep.items)).toEqual(expected);
  }, 180_000);
});
