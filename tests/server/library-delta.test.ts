import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findOrg, setOrgSettings } from '../../server/store/orgs';
import { contentItem, contentItems } from './support/content-items';
import { call, startTestServer, type TestServer } from './support/test-server';

let server: TestServer;
let token: string;

beforeEach(async () => {
  server = await startTestServer();
  token = await server.tokenFor('acme', 'rep@acme.test', 'rep');
});
afterEach(() => server.dispose());

const ids = (items: { id: string }[]) => items.map((i) => i.id).sort();
const library = (query = '', headers: Record<string, string> = {}) => call(`${server.url}/api/v1/library${query}`, { token, headers });

describe('GET /api/v1/library: delta since a cursor', () => {
  it('returns everything first, then exactly what was edited, added and deleted since the cursor', async () => {
    await server.setLibrary('acme', [contentItem('alpha'), contentItem('bravo'), contentItem('charlie')]);
    const first = await library();
    expect(first.status).toBe(200);
    expect(ids(first.json.items)).toEqual(['alpha', 'bravo', 'charlie']);
    expect(first.json).toMatchObject({ deleted: [], hasMore: false, settings: {} });
    expect(first.json.items.find((i: { id: string }) => i.id === 'bravo')).toMatchObject({
      title: 'Case study bravo',
      stages: ['interest', 'engagement'],
      version: 1,
      updated_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });

    await server.setLibrary('acme', [contentItem('alpha'), contentItem('bravo', { title: 'Bravo, rewritten' }), contentItem('delta')]);
    const delta = await library(`?cursor=${encodeURIComponent(first.json.cursor)}`);
    expect(delta.status).toBe(200);
    expect(ids(delta.json.items)).toEqual(['bravo', 'delta']);
    expect(delta.json.items.find((i: { id: string }) => i.id === 'bravo')).toMatchObject({ title: 'Bravo, rewritten', version: 2 });
    expect(delta.json.deleted).toEqual(['charlie']);
    expect(delta.json.cursor).not.toBe(first.json.cursor);

    const nothing = await library(`?cursor=${encodeURIComponent(delta.json.cursor)}`);
    expect(nothing.json).toMatchObject({ items: [], deleted: [], hasMore: false, cursor: delta.json.cursor });

    // A fresh client gets the live library only, no tombstones.
    const fresh = await library();
    expect(ids(fresh.json.items)).toEqual(['alpha', 'bravo', 'delta']);
    expect(fresh.json.deleted).toEqual([]);
  });

  it('does not move the cursor when the same library is imported again', async () => {
    const items = [contentItem('alpha'), contentItem('bravo')];
    await server.setLibrary('acme', items);
    const { cursor } = (await library()).json;
    await server.setLibrary(
      'acme',
      items.map((i) => ({ ...i })),
    );
    const again = await library(`?cursor=${cursor}`);
    expect(again.json).toMatchObject({ items: [], deleted: [], cursor });
  });

  it('brings a deleted item back with a higher version when it returns', async () => {
    await server.setLibrary('acme', [contentItem('alpha')]);
    const { cursor } = (await library()).json;
    await server.setLibrary('acme', []);
    await server.setLibrary('acme', [contentItem('alpha', { summary: 'Back again.' })]);
    const res = await library(`?cursor=${cursor}`);
    expect(res.json.deleted).toEqual([]);
    expect(res.json.items).toEqual([expect.objectContaining({ id: 'alpha', version: 3, summary: 'Back again.' })]);
  });

  it('serves the org settings with the library', async () => {
    const org = await findOrg(server.db, 'acme');
    if (!org) throw new Error('org missing');
    await setOrgSettings(server.db, org.id, { stageMap: { 'Closed Won': 'advocacy', Negotiation: 'conversion' } });
    const res = await library();
    expect(res.json.settings).toEqual({ stageMap: { 'Closed Won': 'advocacy', Negotiation: 'conversion' } });
  });
});

describe('paging', () => {
  it('pages with limit and hasMore, every change exactly once, and says how many remain', async () => {
    await server.setLibrary('acme', contentItems(25));
    const seen: string[] = [];
    const pages: { size: number; hasMore: boolean; remaining: number }[] = [];
    let cursor = '';
    for (let guard = 0; guard < 10; guard++) {
      const res = await library(`?limit=10${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      seen.push(...res.json.items.map((i: { id: string }) => i.id));
      pages.push({ size: res.json.items.length, hasMore: res.json.hasMore, remaining: res.json.remaining });
      cursor = res.json.cursor;
      if (!res.json.hasMore) break;
    }
    expect(pages).toEqual([
      { size: 10, hasMore: true, remaining: 15 },
      { size: 10, hasMore: true, remaining: 5 },
      { size: 5, hasMore: false, remaining: 0 },
    ]);
    expect(new Set(seen).size).toBe(25);
    expect(seen.sort()).toEqual(contentItems(25).map((i) => i.id));
  });

  it('defaults to pages of 500 and refuses limits outside 1..1000', async () => {
    await server.setLibrary('acme', contentItems(501));
    const res = await library();
    expect(res.json.items).toHaveLength(500);
    expect(res.json.hasMore).toBe(true);
    for (const bad of ['0', '1001', 'ten', '-5', '2.5']) {
      const refused = await library(`?limit=${bad}`);
      expect(refused.status).toBe(400);
      expect(refused.json.error).toEqual({ code: 'invalid_limit', message: expect.stringContaining('1 to 1000') });
    }
  });
});

describe('cursor validation', () => {
  it('refuses a cursor it did not hand out, one from another library, and one from the future', async () => {
    await server.setLibrary('acme', [contentItem('alpha')]);
    const { cursor } = (await library()).json as { cursor: string };
    const [epoch, seq] = cursor.split('.');
    const otherEpoch = epoch === 'ffffffff' ? 'eeeeeeee' : 'ffffffff';
    for (const bad of ['garbage', `${otherEpoch}.${seq}`, `${epoch}.${Number(seq) + 5}`, '12']) {
      const res = await library(`?cursor=${encodeURIComponent(bad)}`);
      expect(res.status, bad).toBe(400);
      expect(res.json.error.code).toBe('invalid_cursor');
      expect(res.json.error.message).toContain('sync again without a cursor');
    }
  });
});

describe('ETag and If-None-Match', () => {
  it('answers 304 for an unchanged library page and 200 with a new ETag once something changed', async () => {
    await server.setLibrary('acme', [contentItem('alpha')]);
    const first = await library();
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^".+"$/);

    const again = await library('', { 'If-None-Match': etag! });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');

    const upToDate = await library(`?cursor=${first.json.cursor}`);
    const upToDateAgain = await library(`?cursor=${first.json.cursor}`, { 'If-None-Match': upToDate.headers.get('etag')! });
    expect(upToDateAgain.status).toBe(304);

    await server.setLibrary('acme', [contentItem('alpha', { title: 'Alpha v2' })]);
    const changed = await library('', { 'If-None-Match': etag! });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect(changed.json.items[0].title).toBe('Alpha v2');
  });
});
