import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { apiErrorSchema } from '../../lib/schema/api';
import { recordFigures } from './support/figures';
import { DAY, seedTwoOrgs, type OrgFixture } from './support/two-orgs';
import { call, startTestServer, type TestServer } from '../server/support/test-server';

/*
 * Item 6: every API route against every way a credential can be wrong, on the real server.
 * Refusals carry the right status and the API's error shape; two orgs with marked data never
 * see each other's items, events or figures; and no log line carries a token or any 8
 * characters of one, across all of it, failures included.
 */

interface Route {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  /** Roles allowed; every role when absent. */
  roles?: string[];
}

const ROUTES: Route[] = [
  { name: 'GET /api/v1/me', method: 'GET', path: '/api/v1/me' },
  { name: 'GET /api/v1/library', method: 'GET', path: '/api/v1/library' },
  { name: 'POST /api/v1/events', method: 'POST', path: '/api/v1/events' },
  { name: 'GET /api/v1/stats', method: 'GET', path: `/api/v1/stats?from=2026-03-01&to=2026-03-31`, roles: ['manager', 'admin'] },
  { name: 'GET /api/v1/links', method: 'GET', path: '/api/v1/links' },
];

let server: TestServer;
let acme: OrgFixture;
let globex: OrgFixture;
/** Every string that is, or was made from, a token: none of it may reach a log. */
const secrets: string[] = [];
const consoleLines: string[] = [];
const tally = { requests: 0, refusedRight: 0, leaks: 0, logFragments: -1 };

beforeAll(async () => {
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void consoleLines.push(args.map(String).join(' ')));
  }
  server = await startTestServer();
  [acme, globex] = await seedTwoOrgs(server);
  secrets.push(...Object.values(acme.tokens), ...Object.values(globex.tokens));
});
afterAll(async () => {
  vi.restoreAllMocks();
  await server.dispose();
  recordFigures([
    { item: '6', name: 'access control · requests made', value: tally.requests },
    { item: '6', name: 'access control · refusals with the right status and shape', value: tally.refusedRight },
    { item: '6', name: 'access control · responses leaking another org', value: tally.leaks, atMost: 0 },
    // -1 when the log check did not run: a missing check must not read as a clean log.
    { item: '6', name: 'access control · token fragments (8+ characters) in the server log', value: tally.logFragments, atLeast: 0, atMost: 0 },
  ]);
});

const event = () => ({ id: crypto.randomUUID(), kind: 'preview', at: `${DAY}T12:00:00.000Z`, stage: 'interest' });

async function request(route: Route, authorization: string | undefined) {
  tally.requests += 1;
  return call(`${server.url}${route.path}`, {
    ...(route.method === 'POST' ? { body: { events: [event()] } } : {}),
    ...(authorization !== undefined ? { headers: { Authorization: authorization } } : {}),
  });
}

/** The ways a credential can be wrong, with the error code each must get. */
function badCredentials(): { name: string; header: string | undefined; code: string }[] {
  const rep = acme.tokens.rep;
  const last = rep.at(-1)!;
  const differsAtEnd = `${rep.slice(0, -1)}${last === 'A' ? 'B' : 'A'}`;
  const [, otherId] = /^qv_([0-9a-f]{16})_/.exec(globex.tokens.rep)!;
  const swapped = `qv_${otherId}_${rep.slice(20)}`;
  const unknown = `qv_0123456789abcdef_${rep.slice(20)}`;
  secrets.push(differsAtEnd, swapped, unknown, `${rep}x`);
  return [
    { name: 'no token', header: undefined, code: 'missing_token' },
    { name: 'Basic credentials', header: 'Basic dXNlcjpwYXNz', code: 'malformed_token' },
    { name: 'empty bearer', header: 'Bearer', code: 'malformed_token' },
    { name: 'not a Quiver token', header: 'Bearer not-a-token', code: 'malformed_token' },
    { name: 'one character too many', header: `Bearer ${rep}x`, code: 'malformed_token' },
    { name: 'two tokens', header: `Bearer ${rep} ${globex.tokens.rep}`, code: 'malformed_token' },
    { name: 'differs only in its last character', header: `Bearer ${differsAtEnd}`, code: 'token_rejected' },
    { name: "another token's id with this secret", header: `Bearer ${swapped}`, code: 'token_rejected' },
    { name: 'never issued', header: `Bearer ${unknown}`, code: 'token_rejected' },
    { name: 'revoked', header: `Bearer ${acme.tokens.revoked}`, code: 'token_rejected' },
  ];
}

const eventCount = async () =>
  Number(
    (
      await server.db
        .selectFrom('usage_events')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('a wrong credential', () => {
  it('is refused by every API route with 401, the error shape and a Bearer challenge, storing nothing', async () => {
    for (const bad of badCredentials()) {
      for (const route of ROUTES) {
        const before = await eventCount();
        const res = await request(route, bad.header);
        const where = `${route.name} with ${bad.name}`;
        expect(res.status, where).toBe(401);
        expect(Object.keys(res.json ?? {}), where).toEqual(['error']);
        expect(apiErrorSchema.parse(res.json).error.code, where).toBe(bad.code);
        expect(res.headers.get('www-authenticate'), where).toBe('Bearer realm="quiver"');
        expect(res.headers.get('content-type'), where).toMatch(/^application\/json/);
        expect(await eventCount(), where).toBe(before);
        tally.refusedRight += 1;
      }
    }
  });

  it('does not matter to /healthz, which needs none', async () => {
    for (const bad of badCredentials()) {
      const res = await request({ name: 'GET /healthz', method: 'GET', path: '/healthz' }, bad.header);
      expect(res.status, bad.name).toBe(200);
      expect(res.json).toEqual({ status: 'ok' });
    }
  });
});

describe('the wrong role', () => {
  it('gets 403 and the error shape from stats (a rep, and a manager since demoted), and the other routes work', async () => {
    for (const token of [acme.tokens.rep, acme.tokens.demoted, globex.tokens.rep]) {
      for (const route of ROUTES) {
        const res = await request(route, `Bearer ${token}`);
        if (route.roles) {
          expect(res.status, route.name).toBe(403);
          expect(res.json).toEqual({ error: { code: 'forbidden', message: expect.stringContaining('manager or admin') } });
          tally.refusedRight += 1;
        } else {
          expect(res.status, route.name).toBe(200);
        }
      }
    }
  });
});

describe('two orgs on one server', () => {
  const leaksFrom = (text: string, other: OrgFixture) => other.markers.filter((m) => text.includes(m));

  it("never show one org another org's items, events, people or figures", async () => {
    for (const [own, other] of [
      [acme, globex],
      [globex, acme],
    ] as const) {
      for (const role of ['rep', 'manager', 'admin', 'demoted'] as const) {
        const auth = `Bearer ${own.tokens[role]}`;
        const routes = [
          ...ROUTES,
          { name: 'stats by week', method: 'GET', path: '/api/v1/stats?from=2026-01-01&to=2026-12-31&bucket=week', roles: ['manager', 'admin'] },
          {
            name: "stats for the other org's rep",
            method: 'GET',
            path: `/api/v1/stats?from=2026-01-01&to=2026-12-31&user=${encodeURIComponent(other.emails[0]!)}`,
            roles: ['manager', 'admin'],
          },
        ] satisfies Route[];
        for (const route of routes) {
          const res = await request(route, auth);
          // Stats echo the query they answer; an email this org asked about is not a leak.
          const answer = route.path.includes('stats') && res.status === 200 ? JSON.stringify({ ...res.json, query: null }) : res.text;
          const leaked = leaksFrom(answer, other);
          tally.leaks += leaked.length;
          expect(leaked, `${own.slug} ${role}: ${route.name}`).toEqual([]);
        }
      }
      // What each org does see is its own: the check above is not passing on empty answers.
      const library = await request(ROUTES[1]!, `Bearer ${own.tokens.rep}`);
      expect(library.json.items.map((i: { id: string }) => i.id).sort()).toEqual([...own.itemIds].sort());
      const stats = await request(ROUTES[3]!, `Bearer ${own.tokens.manager}`);
      expect(stats.text).toContain(`${own.slug}-only-query`);
      expect(stats.text).toContain(own.emails[0]);
    }
  });

  it("refuses one org's library cursor to another, without saying anything about it", async () => {
    const page = await request(ROUTES[1]!, `Bearer ${acme.tokens.rep}`);
    const res = await request(
      { name: 'library with acme cursor', method: 'GET', path: `/api/v1/library?cursor=${encodeURIComponent(page.json.cursor)}` },
      `Bearer ${globex.tokens.rep}`,
    );
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('invalid_cursor');
    expect(leaksFrom(res.text, acme)).toEqual([]);
  });

  it("stores an org's event even when another org already has an event with that id", async () => {
    const shared = event();
    const first = await call(`${server.url}/api/v1/events`, { token: acme.tokens.rep, body: { events: [shared] } });
    const second = await call(`${server.url}/api/v1/events`, { token: globex.tokens.rep, body: { events: [shared] } });
    expect(first.json).toMatchObject({ accepted: 1, duplicates: 0 });
    // Counted as a duplicate, it would be lost for globex and tell globex that acme has it.
    expect(second.json).toMatchObject({ accepted: 1, duplicates: 0 });
  });
});

describe('the server log', () => {
  it('holds no token, nor any 8 characters of one, even when a token is put in the URL by mistake', async () => {
    const rep = acme.tokens.rep;
    // A rep who pastes the token into the Server URL field, whole or cut short.
    for (const path of [`/${rep}/api/v1/me`, `/api/v1/library/${rep}`, `/healthz/${rep.slice(0, 30)}`, `/healthz?token=${rep}`]) {
      await call(`${server.url}${path}`, { token: rep });
    }
    await call(`${server.url}/api/v1/events`, { token: rep, body: { events: [{ ...event(), note: rep }] } });
    await call(`${server.url}/healthz`, { headers: { 'X-Api-Key': rep, Cookie: `token=${rep}` } });

    const log = [...server.logLines, ...consoleLines].join('\n');
    // One line per request, failures included: the log really was captured.
    expect(server.logLines.length).toBeGreaterThanOrEqual(tally.requests);
    const fragments = secrets.flatMap((s) => Array.from({ length: s.length - 7 }, (_, i) => s.slice(i, i + 8)));
    const found = [...new Set(fragments.filter((f) => log.includes(f)))];
    tally.logFragments = found.length;
    expect(found, `token fragments in the log:\n${server.logLines.filter((l) => found.some((f) => l.includes(f))).join('\n')}`).toEqual([]);
  });
});
