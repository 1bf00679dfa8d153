// Node's IndexedDB stand-in must be installed before Dexie loads.
import 'fake-indexeddb/auto';
import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { QuiverDb } from '../../lib/db';
import { createApiClient } from '../../lib/sync/api-client';
import { syncLibrary } from '../../lib/sync/library-sync';
import { chooseEncoding } from '../../server/http/compress';
import { contentItem } from './support/content-items';
import { startTestServer, type TestServer } from './support/test-server';

/* Issue 14, item 5: library pages travel compressed when the client accepts it. */

let server: TestServer;
let token: string;

beforeEach(async () => {
  server = await startTestServer();
  token = await server.tokenFor('acme', 'rep@acme.test', 'rep');
  const paragraph = 'Routewise cut idle time and empty miles for a regional fleet; dispatchers re-plan at mid-day. ';
  await server.setLibrary(
    'acme',
    Array.from({ length: 200 }, (_, i) => contentItem(`item-${i}`, { body: `Hi {{first_name | there}},\n\n${paragraph.repeat(10)}\n` })),
  );
});
afterEach(async () => {
  await server.dispose();
});

/** The raw bytes on the wire, with no client decoding them. */
function rawGet(
  path: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, server.url);
    const req = request(url, { headers: { Authorization: `Bearer ${token}`, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('compressed library pages', () => {
  it('answers in brotli or gzip as asked, and the bytes decode to the same page', async () => {
    const plain = await rawGet('/api/v1/library?limit=1000', {});
    expect(plain.headers['content-encoding']).toBeUndefined();
    const page = JSON.parse(plain.body.toString('utf8')) as { items: { id: string }[] };
    expect(page.items).toHaveLength(200);

    const br = await rawGet('/api/v1/library?limit=1000', { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/Accept-Encoding/);
    expect(br.body.length).toBeLessThan(plain.body.length / 5);
    expect(JSON.parse(brotliDecompressSync(br.body).toString('utf8'))).toEqual(page);

    const gz = await rawGet('/api/v1/library?limit=1000', { 'Accept-Encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.body.length).toBeLessThan(plain.body.length / 5);
    expect(JSON.parse(gunzipSync(gz.body).toString('utf8'))).toEqual(page);

    // The validator still works in any encoding: an unchanged library costs a 304.
    const again = await rawGet('/api/v1/library?limit=1000', { 'Accept-Encoding': 'br', 'If-None-Match': String(br.headers.etag) });
    expect(again.status).toBe(304);
  });

  it('syncs through a client that decodes the compressed pages', async () => {
    const encodings: string[] = [];
    const client = createApiClient({
      serverUrl: server.url,
      token,
      timeoutMs: 5000,
      fetch: async (input, init) => {
        // What a browser sends on its own; Node's fetch decodes br and gzip as a browser does.
        const headers = new Headers(init?.headers);
        headers.set('Accept-Encoding', 'br, gzip');
        const response = await fetch(input, { ...init, headers });
        encodings.push(response.headers.get('Content-Encoding') ?? 'identity');
        return response;
      },
    });
    const db = new QuiverDb(`quiver-compressed-${crypto.randomUUID()}`);
    try {
      const result = await syncLibrary(db, client, { pageSize: 80 });
      expect(result).toMatchObject({ outcome: 'synced', itemCount: 200, skipped: [] });
      expect(encodings).toEqual(['br', 'br', 'br']);
      expect((await db.items.get('item-7'))?.body).toContain('Routewise cut idle time');
    } finally {
      db.close();
    }
  });

  it('reads Accept-Encoding with its weights', () => {
    expect(chooseEncoding('gzip, deflate, br')).toBe('br');
    expect(chooseEncoding('br;q=0, gzip')).toBe('gzip');
    expect(chooseEncoding('identity')).toBeUndefined();
    expect(chooseEncoding('*')).toBe('br');
    expect(chooseEncoding('*, br;q=0')).toBe('gzip');
    expect(chooseEncoding(undefined)).toBeUndefined();
  });
});
