import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../server/cli';
import { contentItem } from './support/content-items';
import { call, startTestServer, type TestServer } from './support/test-server';
import { statsSchema } from '../../lib/schema/stats';

let server: TestServer;
let repToken: string;
let managerToken: string;
let adminToken: string;
let otherOrgToken: string;

beforeAll(async () => {
  server = await startTestServer();
  repToken = await server.tokenFor('acme', 'rep@acme.test', 'rep');
  managerToken = await server.tokenFor('acme', 'boss@acme.test', 'manager');
  adminToken = await server.tokenFor('acme', 'admin@acme.test', 'admin');
  otherOrgToken = await server.tokenFor('globex', 'rep@globex.test', 'rep');
  await server.setLibrary('acme', [contentItem('acme-pricing')]);
  await server.setLibrary('globex', [contentItem('globex-battlecard')]);
});
afterAll(() => server.dispose());

describe('access tokens', () => {
  it('answers 401 with the API error shape when no token is sent', async () => {
    const res = await call(`${server.url}/api/v1/me`);
    expect(res.status).toBe(401);
    expect(res.json).toEqual({ error: { code: 'missing_token', message: expect.stringContaining('Authorization: Bearer') } });
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
  });

  it('answers 401 for a header that is not a bearer token, and for a string that is not a Quiver token', async () => {
    const basic = await call(`${server.url}/api/v1/me`, { headers: { Authorization: 'Basic dXNlcjpwYXNz' } });
    expect(basic.status).toBe(401);
    expect(basic.json.error.code).toBe('malformed_token');
    const junk = await call(`${server.url}/api/v1/me`, { token: 'not-a-token' });
    expect(junk.status).toBe(401);
    expect(junk.json.error.code).toBe('malformed_token');
  });

  it('rejects a well-formed token it never issued, and a real token id with the wrong secret', async () => {
    const unknown = await call(`${server.url}/api/v1/me`, { token: `qv_0123456789abcdef_${'A'.repeat(43)}` });
    expect(unknown.status).toBe(401);
    expect(unknown.json.error).toEqual({ code: 'token_rejected', message: expect.stringContaining('token rejected') });
    const forged = repToken.slice(0, -1) + (repToken.endsWith('A') ? 'B' : 'A');
    expect((await call(`${server.url}/api/v1/me`, { token: forged })).status).toBe(401);
  });

  it('tells the token owner who they are', async () => {
    const res = await call(`${server.url}/api/v1/me`, { token: repToken });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ user: { email: 'rep@acme.test', role: 'rep' }, org: { slug: 'acme' } });
  });

  it("stops accepting a token once it is revoked with the CLI, and keeps the user's other tokens working", async () => {
    const doomed = await server.tokenFor('acme', 'leaver@acme.test', 'rep');
    const kept = await server.tokenFor('acme', 'leaver@acme.test', 'rep');
    expect((await call(`${server.url}/api/v1/me`, { token: doomed })).status).toBe(200);
    const out: string[] = [];
    const code = await main(['token', 'revoke', doomed, '--db', server.dbTarget], { out: (l) => out.push(l), err: () => {} });
    expect(code).toBe(0);
    expect(out.join('\n')).toContain('Revoked 1 token');
    const res = await call(`${server.url}/api/v1/library`, { token: doomed });
    expect(res.status).toBe(401);
    expect(res.json.error.code).toBe('token_rejected');
    expect((await call(`${server.url}/api/v1/me`, { token: kept })).status).toBe(200);
  });

  it('shows each org only its own library', async () => {
    const acme = await call(`${server.url}/api/v1/library`, { token: repToken });
    const globex = await call(`${server.url}/api/v1/library`, { token: otherOrgToken });
    expect(acme.json.items.map((i: { id: string }) => i.id)).toEqual(['acme-pricing']);
    expect(globex.json.items.map((i: { id: string }) => i.id)).toEqual(['globex-battlecard']);
  });

  it('keeps stats from reps (403) and gives managers and admins the figures', async () => {
    const rep = await call(`${server.url}/api/v1/stats`, { token: repToken });
    expect(rep.status).toBe(403);
    expect(rep.json.error).toEqual({ code: 'forbidden', message: expect.stringContaining('manager or admin') });
    for (const token of [managerToken, adminToken]) {
      const res = await call(`${server.url}/api/v1/stats?from=2026-01-01&to=2026-02-01`, { token });
      expect(res.status).toBe(200);
      expect(statsSchema.parse(res.json).query).toMatchObject({ from: '2026-01-01', to: '2026-02-01' });
    }
  });

  it('never writes a token into its request log, which has one JSON line per request without the query string', async () => {
    const before = server.logLines.length;
    await call(`${server.url}/api/v1/library?cursor=&limit=5`, { token: repToken });
    const lines = server.logLines.slice(before);
    expect(lines).toHaveLength(1);
    expect(Object.keys(JSON.parse(lines[0]!)).sort()).toEqual(['level', 'method', 'ms', 'msg', 'route', 'status', 'time']);
    expect(JSON.parse(lines[0]!)).toMatchObject({
      level: 'info',
      msg: 'request',
      method: 'GET',
      route: '/api/v1/library',
      status: 200,
      ms: expect.any(Number),
    });
    const everything = server.logLines.join('\n');
    for (const token of [repToken, managerToken, adminToken, otherOrgToken]) expect(everything).not.toContain(token);
  });
});

describe('failures inside the server', () => {
  it('answer 500 with the error shape and no stack trace', async () => {
    const broken = await startTestServer();
    try {
      const token = await broken.tokenFor('acme', 'rep@acme.test', 'rep');
      // Authentication succeeds, then the events table is gone: an unexpected failure.
      await broken.db.schema.dropTable('usage_events').execute();
      const res = await call(`${broken.url}/api/v1/events`, {
        token,
        body: { events: [{ id: crypto.randomUUID(), kind: 'copy', at: new Date().toISOString() }] },
      });
      expect(res.status).toBe(500);
      expect(res.json).toEqual({ error: { code: 'internal', message: expect.any(String) } });
      expect(res.text).not.toMatch(/at .*\.ts|usage_events|SqliteError|relation/);
      expect(broken.logLines.join('\n')).toContain('usage_events');
    } finally {
      await broken.dispose();
    }
  });
});
