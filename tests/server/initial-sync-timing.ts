// Initial sync of a large library from a loopback server into fake-indexeddb:
// `npx tsx tests/server/initial-sync-timing.ts [items] [pageSize]`. A measurement, not a test.
// fake-indexeddb is far slower than a browser's IndexedDB, so this is an upper bound.
import 'fake-indexeddb/auto';
import { QuiverDb } from '../../lib/db';
import { createApiClient } from '../../lib/sync/api-client';
import { syncLibrary } from '../../lib/sync/library-sync';
import { contentItem } from './support/content-items';
import { startTestServer } from './support/test-server';

const count = Number(process.argv[2] ?? 10_000);
const pageSize = Number(process.argv[3] ?? 500);
const server = await startTestServer();
const token = await server.tokenFor('acme', 'rep@acme.test', 'rep');
const paragraph = 'Routewise cut idle time and empty miles for a regional fleet; dispatchers re-plan at mid-day. ';
await server.setLibrary(
  'acme',
  Array.from({ length: count }, (_, i) =>
    contentItem(`item-${i}`, { title: `Case study ${i}: fleet idle time`, body: `Hi {{first_name | there}},\n\n${paragraph.repeat(12)}\n` }),
  ),
);
const db = new QuiverDb(`timing-${Date.now()}`);
const started = performance.now();
const result = await syncLibrary(db, createApiClient({ serverUrl: server.url, token, fetch }), { pageSize });
const ms = performance.now() - started;
console.log(`${result.outcome}: ${result.itemCount} items in ${(ms / 1000).toFixed(2)} s (pages of ${pageSize})`);
db.close();
await server.dispose();
