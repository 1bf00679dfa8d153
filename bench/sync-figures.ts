/**
 * Initial sync of a generated library from a real `quiver serve` on loopback (SQLite file)
 * into Dexie, with the background's index built as pages arrive (lib/background/sync-index.ts)
 * and brotli pages, and how long after "synced" the last item is findable. Dexie runs on
 * fake-indexeddb here, far slower than a browser's IndexedDB: an upper bound for the browser.
 */
import 'fake-indexeddb/auto';
import { LibraryService } from '../lib/background/library-service';
import { SyncIndex } from '../lib/background/sync-index';
import { QuiverDb, type StoredItem } from '../lib/db';
import { contentItemSchema } from '../lib/schema/content';
import { createApiClient } from '../lib/sync/api-client';
import { syncLibrary, type SyncResult } from '../lib/sync/library-sync';
import { startTestServer } from '../tests/server/support/test-server';

export interface SyncFigures {
  totalMs: number;
  /** "synced" → a search for the last item's title finds it. */
  searchableAfterMs: number;
  timings: SyncResult['timings'];
  jsonBytes: number;
  pages: number;
  itemCount: number;
}

export async function measureSync(items: readonly StoredItem[]): Promise<SyncFigures> {
  const server = await startTestServer();
  const db = new QuiverDb(`bench-sync-${Date.now()}`);
  try {
    const token = await server.tokenFor('acme', 'rep@acme.test', 'rep');
    await server.setLibrary(
      'acme',
      items.map(({ version: _v, updated_at: _u, ...item }) => contentItemSchema.parse(item)),
    );
    let jsonBytes = 0;
    let pages = 0;
    const client = createApiClient({
      serverUrl: server.url,
      token,
      timeoutMs: 120_000,
      fetch: async (input, init) => {
        const headers = new Headers(init?.headers);
        headers.set('Accept-Encoding', 'br, gzip');
        const response = await fetch(input, { ...init, headers });
        pages += 1;
        const text = await response.text();
        jsonBytes += Buffer.byteLength(text);
        return new Response(text, { status: response.status, headers: response.headers });
      },
    });
    const service = new LibraryService(db);
    const started = performance.now();
    const result = await syncLibrary(db, client, { indexer: new SyncIndex(service) });
    const totalMs = performance.now() - started;
    const last = items[items.length - 1]!;
    const engine = await service.getEngine();
    const found = engine.search(last.title, { limit: 10 }).some((h) => h.id === last.id);
    const searchableAfterMs = performance.now() - started - totalMs;
    if (!found) throw new Error('the last item was not findable after the sync');
    return { totalMs, searchableAfterMs, timings: result.timings, jsonBytes, pages, itemCount: result.itemCount };
  } finally {
    db.close();
    await server.dispose();
  }
}
