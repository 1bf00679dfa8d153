import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeSiteHealth } from '../../lib/kpi/site-health';
import type { PageKind, Site } from '../../lib/schema/page-context';
import { siteHealthQuerySchema, siteHealthReportSchema, type SiteHealthEvent, type SiteHealthProbe, type SiteHealthReport } from '../../lib/schema/site-health';
import { main } from '../../server/cli';
import { openDatabase } from '../../server/db/open-database';
import { call, startTestServer, type TestServer } from './support/test-server';

/*
 * GET /api/v1/site-health and `quiver site-health` count in SQL what lib/kpi/site-health.ts
 * counts in memory, on SQLite (project `server`) and PostgreSQL (`server-pg`); who may read
 * it; what a bad range gets.
 */

let server: TestServer;
let manager: string;
let admin: string;
let rep: string;
let otherManager: string;

let seed = 11;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

const SITES: Site[] = ['gmail', 'outlook', 'linkedin', 'salesforce'];
const KINDS: PageKind[] = ['compose', 'thread', 'profile', 'opportunity'];
const VERSIONS = ['1.4.0', '1.5.0'];

function check(
  day: string,
  site: Site,
  pageKind: PageKind,
  failed: SiteHealthProbe[],
  { insert = false, editorExpected = failed.includes('editor') || pageKind === 'compose', version = '1.5.0' } = {},
): SiteHealthEvent {
  return {
    id: crypto.randomUUID(),
    kind: 'site_health',
    day,
    site,
    pageKind,
    version,
    check: insert ? 'insert' : 'page',
    editorExpected: insert ? false : editorExpected,
    failed,
  };
}

/** Three weeks of checks: random ones on every day, and Outlook compose breaking in the last week. */
const EVENTS: SiteHealthEvent[] = [];
for (let d = 1; d <= 21; d++) {
  const day = `2026-03-${String(d).padStart(2, '0')}`;
  for (let i = 0; i < 12; i++) {
    const pageKind = pick(KINDS);
    const editorExpected = pageKind === 'compose' || random() < 0.3;
    const failed: SiteHealthProbe[] = [];
    if (random() < 0.1) failed.push('context');
    if (editorExpected && random() < 0.1) failed.push('editor');
    EVENTS.push(check(day, pick(SITES.slice(1)), pageKind, failed, { editorExpected, version: pick(VERSIONS) }));
    if (random() < 0.15) EVENTS.push(check(day, pick(SITES), pick(KINDS), ['insert'], { insert: true, version: pick(VERSIONS) }));
  }
  // Gmail compose: fine for two weeks, then the message box is gone on most pages.
  for (let i = 0; i < 3; i++) EVENTS.push(check(day, 'gmail', 'compose', d > 14 && i > 0 ? ['editor'] : []));
}

async function post(token: string, events: unknown[]) {
  return call(`${server.url}/api/v1/events`, { token, body: { events } });
}

async function report(token: string, params: Record<string, string>) {
  return call(`${server.url}/api/v1/site-health?${new URLSearchParams(params)}`, { token });
}

beforeAll(async () => {
  server = await startTestServer();
  manager = await server.tokenFor('acme', 'lead@acme.test', 'manager');
  admin = await server.tokenFor('acme', 'admin@acme.test', 'admin');
  rep = await server.tokenFor('acme', 'anna@example.com', 'rep');
  otherManager = await server.tokenFor('globex', 'lead@globex.test', 'manager');
  for (let i = 0; i < EVENTS.length; i += 200) {
    const res = await post(rep, EVENTS.slice(i, i + 200));
    expect(res.status).toBe(200);
    expect(res.json.rejected).toEqual([]);
  }
  // Another org's checks, under the same ids: never in acme's figures.
  const globexRep = await server.tokenFor('globex', 'rep@globex.test', 'rep');
  await post(
    globexRep,
    EVENTS.slice(0, 50).map((e) => ({ ...e, site: 'hubspot' })),
  );
});
afterAll(() => server.dispose());

const ranges: [string, Record<string, string>][] = [
  ['the three weeks', { from: '2026-03-01', to: '2026-03-21' }],
  ['the last week', { from: '2026-03-15', to: '2026-03-21' }],
  ['one day', { from: '2026-03-10', to: '2026-03-10' }],
  ['a range past the checks', { from: '2026-03-18', to: '2026-04-02' }],
  ['ISO timestamps', { from: '2026-03-05T23:30:00-02:00', to: '2026-03-12T10:00:00Z' }],
];

describe('GET /api/v1/site-health gives what lib/kpi computes from the same events', () => {
  it.each(ranges)('%s', async (_name, params) => {
    const res = await report(manager, params);
    expect(res.status).toBe(200);
    const body: SiteHealthReport = siteHealthReportSchema.parse(res.json);
    const query = siteHealthQuerySchema.parse({ from: body.from, to: body.to });
    expect(body).toEqual(computeSiteHealth(EVENTS, query));
  });

  it('is not comparing two empty answers, and flags Gmail compose, whose message box went missing', async () => {
    const body = (await report(manager, { from: '2026-03-01', to: '2026-03-21' })).json as SiteHealthReport;
    expect(body.rows.length).toBeGreaterThan(50);
    expect(body.rows.some((r) => r.insertFailures > 0)).toBe(true);
    expect(body.rows.some((r) => r.contextFound !== null && r.contextFound < 100)).toBe(true);
    expect(body.rows.map((r) => r.site)).not.toContain('hubspot');
    expect(body.drops).toContainEqual({ site: 'gmail', pageKind: 'compose', previousPages: 21, previousRate: 100, currentPages: 21, currentRate: 33.3 });
    const gmail = body.rows.find((r) => r.day === '2026-03-20' && r.site === 'gmail' && r.pageKind === 'compose' && r.version === '1.5.0');
    expect(gmail).toEqual({
      day: '2026-03-20',
      site: 'gmail',
      pageKind: 'compose',
      version: '1.5.0',
      pages: 3,
      contextFound: 100,
      editorPages: 3,
      editorFound: 33.3,
      insertFailures: gmail!.insertFailures,
    });
    expect(body.trend).toHaveLength(21);
  });

  it('counts a re-sent check once', async () => {
    const again = await post(rep, EVENTS.slice(0, 5));
    expect(again.json).toMatchObject({ accepted: 0, duplicates: 5, rejected: [] });
    const body = (await report(manager, { from: '2026-03-01', to: '2026-03-21' })).json;
    expect(body).toEqual(computeSiteHealth(EVENTS, siteHealthQuerySchema.parse({ from: '2026-03-01', to: '2026-03-21' })));
  });

  it('refuses a check that carries anything more than its fields, naming the field', async () => {
    const res = await post(rep, [{ ...check('2026-03-02', 'gmail', 'compose', []), url: 'https://mail.google.com/mail/u/0/#inbox/abc' }]);
    expect(res.status).toBe(200);
    expect(res.json.accepted).toBe(0);
    expect(res.json.rejected[0].message).toMatch(/url/);
  });
});

describe('GET /api/v1/site-health access and bad input', () => {
  it('is for managers and admins', async () => {
    expect((await report(manager, {})).status).toBe(200);
    expect((await report(admin, {})).status).toBe(200);
    const denied = await report(rep, {});
    expect(denied.status).toBe(403);
    expect((await call(`${server.url}/api/v1/site-health`)).status).toBe(401);
  });

  it('shows a manager only their own org', async () => {
    const body = (await report(otherManager, { from: '2026-03-01', to: '2026-03-21' })).json as SiteHealthReport;
    expect(new Set(body.rows.map((r) => r.site))).toEqual(new Set(['hubspot']));
  });

  it.each([
    [{ from: 'last week' }, /^from: /],
    [{ to: '2026-02-30' }, /^to: /],
    [{ from: '2026-03-10', to: '2026-03-01' }, /from must not be after to/],
    [{ from: '2020-01-01', to: '2026-03-01' }, /at most 731 days/],
    [{ site: 'gmail' }, /unknown parameter: site; use from, to/],
  ])('answers 400 with a clear message for %o', async (params, message) => {
    const res = await report(manager, params as Record<string, string>);
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('invalid_query');
    expect(res.json.error.message).toMatch(message);
  });
});

describe('the browser of a check', () => {
  it('is stored as a browser and major version, and a whole user agent is refused', async () => {
    const named = { ...check('2026-03-02', 'gmail', 'compose', []), browser: 'edge 131' };
    const whole = { ...check('2026-03-02', 'gmail', 'compose', []), browser: 'Mozilla/5.0 (Windows NT 10.0) Chrome/131.0.0.0 Edg/131.0.2903.70' };
    // Another org's rep, so the figures the other tests compare stay as they were.
    const res = await post(await server.tokenFor('umbrella', 'rep@umbrella.test', 'rep'), [named, whole]);
    expect(res.status).toBe(200);
    expect(res.json.rejected.map((r: { id: string }) => r.id)).toEqual([whole.id]);
    const db = await openDatabase(server.dbTarget);
    try {
      const rows = await db.selectFrom('site_health_events').select(['id', 'browser']).where('id', 'in', [named.id, whole.id]).execute();
      expect(rows).toEqual([{ id: named.id, browser: 'edge 131' }]);
    } finally {
      await db.destroy();
    }
  });
});

describe('quiver site-health', () => {
  const run = async (args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(['site-health', ...args], { out: (l) => out.push(l), err: (l) => err.push(l) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  it('prints the same rows as the API, and the drop', async () => {
    const { code, out } = await run(['--db', server.dbTarget, '--org', 'acme', '--from', '2026-03-15', '--to', '2026-03-21']);
    expect(code).toBe(0);
    const body = (await report(manager, { from: '2026-03-15', to: '2026-03-21' })).json as SiteHealthReport;
    const lines = out.split('\n');
    expect(lines[1]).toMatch(/^Day\s+Site\s+Page kind\s+Version\s+Pages\s+Context found\s+Editor found\s+Insert failures$/);
    expect(lines.slice(2).filter((l) => /^\d{4}-/.test(l))).toHaveLength(body.rows.length);
    expect(out).toMatch(/^2026-03-20\s+gmail\s+compose\s+1\.5\.0\s+3\s+100\.0%\s+33\.3% of 3\s+0$/m);
    expect(out).toMatch(/^DROPPED gmail compose: 33\.3% of 21 page\(s\) read in full in the last 7 days, against 100\.0% of 21/m);
  });

  it('says what is wrong with a bad day or an unknown org', async () => {
    const bad = await run(['--db', server.dbTarget, '--org', 'acme', '--from', '03/01/2026']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--from: /);
    const none = await run(['--db', server.dbTarget, '--org', 'initech']);
    expect(none.code).toBe(1);
    expect(none.err).toMatch(/no org "initech"/);
  });
});
