import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENTS_BODY_LIMIT } from '../../server/app';
import { call, startTestServer, type TestServer } from './support/test-server';

let server: TestServer;
let repToken: string;
let otherOrgToken: string;

beforeAll(async () => {
  server = await startTestServer();
  repToken = await server.tokenFor('acme', 'rep@acme.test', 'rep');
  otherOrgToken = await server.tokenFor('globex', 'rep@globex.test', 'rep');
});
afterAll(() => server.dispose());

function usageEvent(overrides: Record<string, unknown> = {}) {
  return {
    id: crypto.randomUUID() as string,
    kind: 'insert',
    at: '2026-11-02T09:15:00.000+01:00',
    contentId: 'northwind-fleet-case-study',
    contentType: 'case_study',
    stage: 'interest',
    site: 'gmail',
    pageKind: 'compose',
    timeToContentMs: 4200,
    ...overrides,
  };
}

const post = (token: string, body: unknown) => call(`${server.url}/api/v1/events`, { token, body });

async function storedEvents(orgSlug: string) {
  return server.db
    .selectFrom('usage_events as e')
    .innerJoin('orgs as o', 'o.id', 'e.org_id')
    .innerJoin('users as u', 'u.id', 'e.user_id')
    .select(['e.id', 'e.kind', 'e.at', 'e.payload', 'u.email'])
    .where('o.slug', '=', orgSlug)
    .execute();
}

describe('POST /api/v1/events', () => {
  it('stores the valid events of a partly invalid batch and names each invalid one by index, id and field', async () => {
    const good = [usageEvent(), usageEvent({ kind: 'search', query: 'fleet roi', resultCount: 0 }), usageEvent({ kind: 'copy' })];
    const badKind = usageEvent({ kind: 'teleport' });
    const badStage = usageEvent({ stage: 'purchase' });
    const res = await post(repToken, { events: [good[0], badKind, good[1], badStage, 'not an event', good[2]] });
    expect(res.status).toBe(200);
    expect(res.json.accepted).toBe(3);
    expect(res.json.duplicates).toBe(0);
    expect(res.json.rejected).toEqual([
      { index: 1, id: badKind.id, message: expect.stringMatching(/^kind: /) },
      { index: 3, id: badStage.id, message: expect.stringMatching(/^stage: /) },
      { index: 4, message: expect.stringMatching(/^event: /) },
    ]);
    const stored = (await storedEvents('acme')).map((e) => e.id);
    expect(stored).toEqual(expect.arrayContaining(good.map((e) => e.id)));
    expect(stored).not.toContain(badKind.id);
    expect(stored).not.toContain(badStage.id);
  });

  it('counts a re-sent batch once: the second time everything is a duplicate', async () => {
    const batch = { events: [usageEvent(), usageEvent(), usageEvent()] };
    const first = await post(repToken, batch);
    const second = await post(repToken, batch);
    expect(first.json).toEqual({ accepted: 3, duplicates: 0, rejected: [] });
    expect(second.json).toEqual({ accepted: 0, duplicates: 3, rejected: [] });
    const ids = new Set(batch.events.map((e) => e.id));
    expect((await storedEvents('acme')).filter((e) => ids.has(e.id))).toHaveLength(3);
  });

  it('counts the same id twice in one batch once', async () => {
    const event = usageEvent();
    const res = await post(repToken, { events: [event, event] });
    expect(res.json).toEqual({ accepted: 1, duplicates: 1, rejected: [] });
  });

  it("records the token's user, whatever user the client wrote, and keeps the raw event", async () => {
    const event = usageEvent({ user: 'someone.else@acme.test', kind: 'preview' });
    await post(repToken, { events: [event] });
    const row = (await storedEvents('acme')).find((e) => e.id === event.id);
    expect(row?.email).toBe('rep@acme.test');
    expect(JSON.parse(row!.payload)).toMatchObject({ id: event.id, kind: 'preview', user: 'rep@acme.test', site: 'gmail' });
    // Stored in UTC so date ranges compare as text.
    expect(row?.at).toBe('2026-11-02T08:15:00.000Z');
  });

  it("keeps each org's events apart", async () => {
    const event = usageEvent({ kind: 'open_asset' });
    expect((await post(otherOrgToken, { events: [event] })).json.accepted).toBe(1);
    expect((await storedEvents('globex')).map((e) => e.id)).toEqual([event.id]);
    expect((await storedEvents('acme')).map((e) => e.id)).not.toContain(event.id);
    // The same id in another org is that org's own event, not a duplicate.
    expect((await post(repToken, { events: [event] })).json.accepted).toBe(1);
  });

  it('refuses batches that are not JSON, not an events list, too many events, or too large, storing nothing', async () => {
    const before = (await storedEvents('acme')).length;
    const notJson = await post(repToken, '{"events": [');
    expect(notJson.status).toBe(400);
    expect(notJson.json.error.code).toBe('invalid_json');

    const noList = await post(repToken, { evts: [] });
    expect(noList.status).toBe(400);
    expect(noList.json.error).toEqual({ code: 'bad_request', message: expect.stringContaining('events') });

    const tooMany = await post(repToken, { events: Array.from({ length: 1001 }, () => usageEvent()) });
    expect(tooMany.status).toBe(400);
    expect(tooMany.json.error.message).toContain('at most 1000');

    const huge = await post(repToken, { events: [usageEvent({ query: 'x'.repeat(EVENTS_BODY_LIMIT) })] });
    expect(huge.status).toBe(413);
    expect(huge.json.error.code).toBe('payload_too_large');
    expect((await storedEvents('acme')).length).toBe(before);
  });

  it('needs a token', async () => {
    const res = await post('', { events: [usageEvent()] });
    expect(res.status).toBe(401);
  });
});
