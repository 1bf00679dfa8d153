import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { computeStats } from '../../lib/kpi/compute-stats';
import { statsQuerySchema } from '../../lib/schema/stats';
import { MIGRATION_NAMES, migrationProvider } from '../../server/db/migrations';
import type { Database } from '../../server/db/schema';
import { importLibrary } from '../../server/store/library';
import { ensureOrg } from '../../server/store/orgs';
import { createAccessToken } from '../../server/store/tokens';
import { storeUsageEvents } from '../../server/store/usage-events';
import { getStats } from './support/stats-client';
import { ALL_EVENTS, asStored, FROM, LIBRARY_ITEMS, senderOf, TO, TODAY } from './support/stats-fixture';
import { freshTestDb, TEST_DB_KIND, type TestDb } from './support/test-db';
import { call, startTestServer, type TestServer } from './support/test-server';

/*
 * A server upgraded in place: a database left by an earlier release, with an org, its
 * library, reps and managers with tokens, and a fortnight of usage events in it, is opened by
 * today's server, which runs the migrations it lacks. Afterwards everything is as it was and
 * reads as a fresh database would: the same tokens work, the library is served, and the
 * stats (read from roll-ups a later migration added and filled from the old events) are what
 * lib/kpi computes from the same events. Events sent again after the upgrade count once.
 * On SQLite here, on PostgreSQL in the `server-pg` project.
 */

/** A Kysely handle on the database that runs no migration by itself. */
function rawHandle(target: string): Kysely<Database> {
  if (TEST_DB_KIND === 'sqlite') return new Kysely<Database>({ dialect: new SqliteDialect({ database: new SQLite(target) }) });
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: target, max: 2 }) }) });
}

/** The releases to upgrade from: every migration but the last, as the last one applied. */
const EARLIER = MIGRATION_NAMES.slice(0, -1);

let server: TestServer | undefined;
let db: TestDb | undefined;
afterEach(async () => {
  await server?.dispose();
  server = undefined;
  db = undefined;
});

beforeAll(() => {
  // The server judges governance (stale, expired) on its own UTC date: the fixture's "today".
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
  vi.setSystemTime(new Date(`${TODAY}T15:00:00Z`));
});
afterAll(() => {
  vi.useRealTimers();
});

describe('migrations on a populated database', () => {
  it('has earlier releases to upgrade from', () => {
    expect(EARLIER.length).toBeGreaterThan(0);
  });

  it.each(EARLIER)('upgrades a database last migrated to %s, keeping and counting everything in it', async (last) => {
    db = await freshTestDb({ empty: true });
    const raw = rawHandle(db.target);
    const tokens = new Map<string, string>();
    try {
      const { error } = await new Migrator({ db: raw, provider: migrationProvider }).migrateTo(last);
      expect(error).toBeUndefined();
      // What that release stored: the org's library, its people with tokens, their events as
      // that release's table held them (columns added since are absent).
      const { org } = await ensureOrg(raw, 'acme');
      await importLibrary(raw, org.id, LIBRARY_ITEMS);
      for (const email of new Set(ALL_EVENTS.map(senderOf))) tokens.set(email, (await createAccessToken(raw, { orgSlug: 'acme', email, role: 'rep' })).token);
      tokens.set('manager', (await createAccessToken(raw, { orgSlug: 'acme', email: 'lead@acme.test', role: 'manager' })).token);
      const users = new Map((await raw.selectFrom('users').select(['id', 'email']).execute()).map((u) => [u.email, u.id]));
      if (MIGRATION_NAMES.indexOf(last) >= MIGRATION_NAMES.indexOf('0003_usage_rollups')) {
        // Releases with the daily roll-ups kept them up to date as events arrived: stored as they stored them.
        for (const email of new Set(ALL_EVENTS.map(senderOf))) {
          const principal = { userId: users.get(email)!, email, role: 'rep' as const, orgId: org.id, orgSlug: 'acme' };
          await storeUsageEvents(
            raw,
            principal,
            asStored(ALL_EVENTS).filter((e) => e.user === email),
          );
        }
      } else
        await raw
          .insertInto('usage_events')
          .values(
            asStored(ALL_EVENTS).map((e) => ({
              org_id: org.id,
              id: e.id,
              user_id: users.get(e.user!)!,
              kind: e.kind,
              at: new Date(e.at).toISOString(),
              content_id: e.contentId ?? null,
              content_type: e.contentType ?? null,
              stage: e.stage ?? null,
              site: e.site ?? null,
              page_kind: e.pageKind ?? null,
              query: e.query ?? null,
              result_count: e.resultCount ?? null,
              time_to_content_ms: e.timeToContentMs ?? null,
              stale: e.stale === undefined ? null : e.stale ? 1 : 0,
              payload: JSON.stringify(e),
              received_at: new Date(e.at).toISOString(),
            })),
          )
          .execute();
    } finally {
      await raw.destroy();
    }

    // Today's server opens it and migrates.
    server = await startTestServer({ db: db.target });
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);

    // The same tokens, the same library.
    const me = await call(`${server.url}/api/v1/me`, { token: tokens.get('anna@example.com')! });
    expect(me.status).toBe(200);
    expect(me.json).toEqual({ user: { email: 'anna@example.com', role: 'rep' }, org: { slug: 'acme' } });
    const library = await call(`${server.url}/api/v1/library?limit=1000`, { token: tokens.get('anna@example.com')! });
    expect((library.json.items as { id: string }[]).map((i) => i.id).sort()).toEqual(LIBRARY_ITEMS.map((i) => i.id).sort());

    // The old events, counted as a database that had always had the roll-ups counts them.
    const expected = (params: Record<string, string>) => computeStats(asStored(ALL_EVENTS), LIBRARY_ITEMS, statsQuerySchema.parse(params), TODAY);
    const params: Record<string, string>[] = [
      { from: FROM, to: TO },
      { from: FROM, to: TO, stage: 'interest', bucket: 'week' },
      { from: FROM, to: TO, user: 'anna@example.com' },
    ];
    for (const p of params) expect(await getStats(server.url, tokens.get('manager')!, p)).toEqual(expected(p));
    expect((await getStats(server.url, tokens.get('manager')!, { from: FROM, to: TO })).contentGaps.length).toBeGreaterThan(1);

    // An outbox re-sending what the old server had stored: every event a duplicate, counted once.
    const anna = asStored(ALL_EVENTS).filter((e) => e.user === 'anna@example.com');
    expect(anna.length).toBeGreaterThan(0);
    const resent = await call(`${server.url}/api/v1/events`, { token: tokens.get('anna@example.com')!, body: { events: anna } });
    expect(resent.status).toBe(200);
    expect(resent.json).toMatchObject({ accepted: 0, duplicates: anna.length });
    expect(await getStats(server.url, tokens.get('manager')!, params[0]!)).toEqual(expected(params[0]!));
  });
});
