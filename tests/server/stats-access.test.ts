import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getStats } from './support/stats-client';
import { ALL_EVENTS, FROM, LIBRARY_ITEMS, loadLibrary, sendEvents, TO } from './support/stats-fixture';
import { call, startTestServer, type TestServer } from './support/test-server';

/* Who may read the team's figures, and whose figures they are. */

let server: TestServer;
let acmeManager: string;
let acmeAdmin: string;
let acmeRep: string;
let globexManager: string;

/** Globex's reps only ever inserted: the fixture's nine in-range inserts, under the same event ids. */
const GLOBEX_EVENTS = ALL_EVENTS.filter((e) => e.kind === 'insert').map((e) => ({ ...e, user: 'rep@globex.test' }));

beforeAll(async () => {
  server = await startTestServer();
  acmeManager = await server.tokenFor('acme', 'lead@acme.test', 'manager');
  acmeAdmin = await server.tokenFor('acme', 'admin@acme.test', 'admin');
  acmeRep = await server.tokenFor('acme', 'anna@example.com', 'rep');
  globexManager = await server.tokenFor('globex', 'lead@globex.test', 'manager');
  await loadLibrary(server, 'acme');
  await sendEvents(server, 'acme', ALL_EVENTS);
  await server.setLibrary('globex', LIBRARY_ITEMS.slice(0, 2));
  await sendEvents(server, 'globex', GLOBEX_EVENTS);
});
afterAll(() => server.dispose());

const range = `from=${FROM}&to=${TO}`;
const statsUrl = (query: string) => `${server.url}/api/v1/stats?${query}`;

describe('GET /api/v1/stats access', () => {
  it('answers 401 without a token and for a token it never issued', async () => {
    const none = await call(statsUrl(range));
    expect(none.status).toBe(401);
    expect(none.json.error.code).toBe('missing_token');
    const forged = await call(statsUrl(range), { token: `qv_0123456789abcdef_${'A'.repeat(43)}` });
    expect(forged.status).toBe(401);
    expect(forged.json.error.code).toBe('token_rejected');
  });

  it("keeps the team's figures from a rep (403), even one whose own events are in them", async () => {
    const res = await call(statsUrl(range), { token: acmeRep });
    expect(res.status).toBe(403);
    expect(res.json.error).toEqual({ code: 'forbidden', message: expect.stringContaining('manager or admin') });
  });

  it("shows a manager only their own org's events and library", async () => {
    const acme = await getStats(server.url, acmeManager, { from: FROM, to: TO });
    expect(acme.totals.events).toBe(35);
    expect(acme.byRep.map((r) => r.user)).not.toContain('rep@globex.test');
    expect(acme.neverUsed.libraryItems).toBe(7);

    const globex = await getStats(server.url, globexManager, { from: FROM, to: TO });
    // #1 #2 #10 #11 #17 #20 #23 #24 x3; x1 x2 x5 are out of range
    expect(globex.totals).toMatchObject({ events: 9, inserts: 9, uses: 9, searches: 0 });
    expect(globex.byRep.map((r) => [r.user, r.uses])).toEqual([['rep@globex.test', 9]]);
    // Globex's library: roi-email and northwind-case, both used
    expect(globex.neverUsed).toEqual({ libraryItems: 2, count: 0, share: 0, items: [] });
    expect(globex.content.map((r) => [r.contentId, r.uses, r.title === null])).toEqual([
      ['roi-email', 4, false], // #1 #2 #23 #24
      ['northwind-case', 3, false], // #10 #11 x3
      ['battlecard-acme', 2, true], // #17 #20: not in Globex's library
    ]);
    // A filter naming another org's rep finds nothing rather than that rep's events.
    const peek = await getStats(server.url, globexManager, { from: FROM, to: TO, user: 'anna@example.com' });
    expect(peek.totals.events).toBe(0);
  });

  it('gives an admin the same figures as a manager of the org', async () => {
    const params = { from: FROM, to: TO, stage: 'engagement' };
    expect(await getStats(server.url, acmeAdmin, params)).toEqual(await getStats(server.url, acmeManager, params));
  });
});

describe('GET /api/v1/stats query problems', () => {
  it.each([
    ['from=2025-3-5&to=2025-03-16', 'from'],
    ['from=2025-03-05T25:00:00Z&to=2025-03-16', 'from'],
    // Up to today by default, which is more than two years after.
    ['from=2024-01-01', 'to'],
    ['from=2025-02-30&to=2025-03-16', 'from'],
    ['from=2025-03-16&to=2025-03-05', 'from'],
    ['from=2023-01-01&to=2025-03-16', 'to'],
    [`${range}&stage=purchase`, 'stage'],
    [`${range}&site=myspace`, 'site'],
    [`${range}&type=podcast`, 'type'],
    [`${range}&bucket=month`, 'bucket'],
    [`${range}&user=${'x'.repeat(321)}`, 'user'],
  ])('%s is a 400 naming %s', async (query, param) => {
    const res = await call(statsUrl(query), { token: acmeManager });
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ error: { code: 'invalid_query', message: expect.stringMatching(new RegExp(`^${param}\\b`)) } });
  });

  it('names a parameter it does not know, rather than ignoring a misspelt filter', async () => {
    const res = await call(statsUrl(`${range}&rep=anna@example.com`), { token: acmeManager });
    expect(res.status).toBe(400);
    expect(res.json.error).toEqual({ code: 'invalid_query', message: expect.stringContaining('unknown parameter: rep') });
  });

  it('answers for the last 30 days without from and to, and for the 30 days up to a given to', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const monthAgo = new Date(Date.parse(`${today}T00:00:00Z`) - 29 * 86_400_000).toISOString().slice(0, 10);
    expect((await getStats(server.url, acmeManager, {})).query).toEqual({ from: monthAgo, to: today, bucket: 'day' });
    const upTo = await getStats(server.url, acmeManager, { to: TO });
    expect(upTo.query).toEqual({ from: '2025-02-15', to: TO, bucket: 'day' });
    // The same figures as that explicit range, and more than the fixture's narrower one.
    expect(upTo.totals).toEqual((await getStats(server.url, acmeManager, { from: '2025-02-15', to: TO })).totals);
    expect(upTo.totals.events).toBeGreaterThan((await getStats(server.url, acmeManager, { from: FROM, to: TO })).totals.events);
  });

  it('reads full ISO timestamps as the UTC days they fall on', async () => {
    const stamped = await getStats(server.url, acmeManager, { from: `${FROM}T00:00:00Z`, to: `${TO}T23:30:00-05:00` });
    const next = new Date(Date.parse(`${TO}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    expect(stamped.query).toEqual({ from: FROM, to: next, bucket: 'day' });
    expect((await getStats(server.url, acmeManager, { from: `${FROM}T12:00`, to: TO })).query.from).toBe(FROM);
  });

  it('reads empty filter values as no filter, as the dashboard sends them', async () => {
    const blank = await getStats(server.url, acmeManager, { from: FROM, to: TO, stage: '', site: '', type: '', user: '', bucket: '' });
    expect(blank).toEqual(await getStats(server.url, acmeManager, { from: FROM, to: TO }));
    expect(blank.query).toEqual({ from: FROM, to: TO, bucket: 'day' });
  });
});
