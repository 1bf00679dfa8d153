import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { createSearchEngine } from '../lib/search';
import type { SearchPort } from '../lib/search/protocol';
import { serveSearchEngine } from '../lib/search/serve';

// The side panel's search engine, in a dedicated worker so indexing never blocks typing
// (started by lib/search/panel-client.ts). In a worker, `self` is the port to the page.
export default defineUnlistedScript(() => {
  serveSearchEngine(self as unknown as SearchPort, createSearchEngine());
});
