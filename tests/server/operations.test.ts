import { spawn } from 'node:child_process';
import { request } from 'node:http';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findOrg } from '../../server/store/orgs';
import { pruneUsageEvents } from '../../server/store/usage-events';
import { freshTestDb, TEST_DB_KIND, type TestDb } from './support/test-db';
import { call, startTestServer, type TestServer } from './support/test-server';

/* What an operator relies on: readiness, metrics, structured logs, retention, a clean stop. */

const QUIVER = path.resolve(__dirname, '../../bin/quiver.mjs');

let server: TestServer;
let rep: string;

beforeAll(async () => {
  server = await startTestServer({ keepEventsDays: 400 });
  rep = await server.tokenFor('acme', 'maria.rep@acme.test', 'rep');
});
afterAll(() => server.dispose());

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
const event = (at: string, kind = 'insert') => ({
  id: crypto.randomUUID(),
  kind,
  at,
  contentId: 'northwind',
  contentType: 'case_study',
  stage: 'interest',
  site: 'gmail',
});

describe('GET /readyz', () => {
  it('is ready when the database answers and holds every migration, without a token', async () => {
    const res = await call(`${server.url}/readyz`);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ status: 'ready' });
  });

  it('is not ready when the schema is behind this server, and says why', async () => {
    const other = await startTestServer();
    try {
      await sql`delete from kysely_migration where name = '0003_usage_rollups'`.execute(other.db);
      const res = await call(`${other.url}/readyz`);
      expect(res.status).toBe(503);
      expect(res.json).toEqual({ status: 'not_ready', reason: expect.stringContaining('0003_usage_rollups not applied') });
      expect((await call(`${other.url}/healthz`)).status).toBe(200);
    } finally {
      await other.dispose();
    }
  });

  it('is not ready when the database is gone', async () => {
    const other = await startTestServer();
    try {
      if (TEST_DB_KIND === 'postgres') {
        const { dropDatabase } = await import('./support/postgres-cluster');
        await dropDatabase(other.dbTarget);
      } else {
        await sql`drop table kysely_migration`.execute(other.db);
      }
      const res = await call(`${other.url}/readyz`);
      expect(res.status).toBe(503);
      expect(res.json.status).toBe('not_ready');
    } finally {
      await other.dispose().catch(() => {});
    }
  });
});

describe('GET /metrics', () => {
  it('counts requests, ingested events and sync pages, and shows the pools, with no token, email or path as sent', async () => {
    await call(`${server.url}/api/v1/events`, { token: rep, body: { events: [event(daysAgo(1)), event(daysAgo(2), 'copy')] } });
    await call(`${server.url}/api/v1/library`, { token: rep });
    await call(`${server.url}/api/v1/library/${rep}`, { token: rep });
    const res = await call(`${server.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = res.text;
    expect(text).toMatch(/^quiver_http_requests_total\{method="POST",route="\/api\/v1\/events",status="200"\} 1$/m);
    expect(text).toMatch(/^quiver_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/library"\} 1$/m);
    expect(text).toMatch(/^quiver_http_requests_total\{method="GET",route="\(unmatched\)",status="404"\} 1$/m);
    expect(text).toMatch(/^quiver_events_ingested_total 2$/m);
    expect(text).toMatch(/^quiver_sync_pages_served_total 1$/m);
    expect(text).toMatch(/^quiver_db_pool_connections\{pool="main"\} \d+$/m);
    expect(text).toMatch(/^quiver_db_pool_waiting_requests\{pool="reads"\} 0$/m);
    expect(text).not.toContain(rep.slice(3, 19));
    expect(text).not.toContain('maria');
    expect(text).not.toContain('acme');
  });

  it('can move to a private listener of its own, and then is not on the API port', async () => {
    const other = await startTestServer({ metrics: { host: '127.0.0.1', port: 0 } });
    try {
      expect(other.metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
      expect((await call(other.metricsUrl!)).text).toContain('quiver_http_requests_total');
      expect((await call(`${other.url}/metrics`)).status).toBe(404);
    } finally {
      await other.dispose();
    }
  });
});

describe('event retention (--keep-events 400d)', () => {
  it('refuses events older than the window at upload, by index, and stores the rest', async () => {
    const old = event(daysAgo(401));
    const res = await call(`${server.url}/api/v1/events`, { token: rep, body: { events: [event(daysAgo(3)), old] } });
    expect(res.json).toEqual({ accepted: 1, duplicates: 0, rejected: [{ index: 1, id: old.id, message: expect.stringContaining('older than the 400 days') }] });
  });

  it('prunes old events but never the roll-ups: the stats still count them', async () => {
    const other = await startTestServer();
    try {
      const token = await other.tokenFor('acme', 'rep@acme.test', 'rep');
      const manager = await other.tokenFor('acme', 'lead@acme.test', 'manager');
      const events = [event('2025-01-10T10:00:00.000Z'), event('2025-01-10T11:00:00.000Z', 'copy'), event(daysAgo(1))];
      await call(`${other.url}/api/v1/events`, { token, body: { events } });
      const org = await findOrg(other.db, 'acme');
      const count = async () =>
        Number(
          (
            await other.db
              .selectFrom('usage_events')
              .select(sql<number>`count(*)`.as('n'))
              .where('org_id', '=', org!.id)
              .executeTakeFirstOrThrow()
          ).n,
        );
      expect(await count()).toBe(3);

      const before = await call(`${other.url}/api/v1/stats?from=2025-01-01&to=2025-01-31`, { token: manager });
      expect(before.json.totals).toMatchObject({ events: 2, inserts: 1, copies: 1 });
      expect(await pruneUsageEvents(other.db, 400, Date.parse('2026-06-01T00:00:00Z'))).toBe(2);
      expect(await count()).toBe(1);
      const after = await call(`${other.url}/api/v1/stats?from=2025-01-01&to=2025-01-31`, { token: manager });
      expect(after.json.totals).toEqual(before.json.totals);
      expect(after.json.trend).toEqual(before.json.trend);
      expect(after.json.content).toEqual(before.json.content);
    } finally {
      await other.dispose();
    }
  });
});

describe('quiver serve on SIGTERM', () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await freshTestDb();
  });
  afterAll(() => db.remove());

  it('finishes a request in flight (its events stored and acknowledged), refuses new connections, and exits 0', async () => {
    const child = spawn(process.execPath, [QUIVER, 'serve', '--port', '0', '--db', db.target], { stdio: ['ignore', 'ignore', 'pipe'] });
    const log: string[] = [];
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let text = '';
        child.stderr.on('data', (chunk: Buffer) => {
          text += chunk.toString();
          log.push(chunk.toString());
          const match = /listening on (http:\/\/[^\s"]+)/.exec(text);
          if (match?.[1]) resolve(match[1]);
        });
        child.once('exit', (code) => reject(new Error(`quiver serve exited (${code}): ${text}`)));
      });
      const { createAccessToken } = await import('../../server/store/tokens');
      const { openDatabase } = await import('../../server/db/open-database');
      const setup = await openDatabase(db.target);
      const { token } = await createAccessToken(setup, { orgSlug: 'acme', email: 'rep@acme.test', role: 'rep' });

      // An upload whose body is half sent when the signal comes.
      const events = Array.from({ length: 20 }, (_, i) => event(daysAgo(1), i % 2 ? 'copy' : 'insert'));
      const body = JSON.stringify({ events });
      const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request(
          `${url}/api/v1/events`,
          { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } },
          (res) => {
            let text = '';
            res.on('data', (d: Buffer) => (text += d.toString()));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
          },
        );
        req.on('error', reject);
        req.write(body.slice(0, 100));
        setTimeout(() => {
          child.kill('SIGTERM');
          // The server stops taking connections before the body is finished.
          setTimeout(() => req.end(body.slice(100)), 700);
        }, 300);
      });
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      await new Promise((r) => setTimeout(r, 600));
      const refused = await fetch(`${url}/healthz`).then(
        () => 'answered',
        () => 'refused',
      );
      const answered = await answer;
      expect(answered.status).toBe(200);
      expect(JSON.parse(answered.body)).toEqual({ accepted: 20, duplicates: 0, rejected: [] });
      expect(refused).toBe('refused');
      expect(await exited).toBe(0);
      const stored = await setup
        .selectFrom('usage_events')
        .select(sql<number>`count(*)`.as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(stored.n)).toBe(20);
      await setup.destroy();
      const lines = log
        .join('')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { msg: string });
      expect(lines.map((l) => l.msg)).toEqual(expect.arrayContaining(['stopping: finishing requests in flight', 'stopped']));
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 60_000);
});
