import { browser } from 'wxt/browser';
import { createSearchEngine } from '.';
import { createSearchClient, type SearchClient } from './client';
import type { SearchPort } from './protocol';
import { serveSearchEngine } from './serve';

/**
 * The panel's search client: the engine in a Web Worker (the `search-worker` entrypoint), so
 * that indexing and searching never block typing. Where workers do not exist (a test DOM) the
 * same engine answers over a MessageChannel in this thread, through the same protocol.
 */
export function createPanelSearchClient(): SearchClient {
  if (typeof Worker !== 'undefined') {
    const url = (browser.runtime.getURL as (path: string) => string)('/search-worker.js');
    return createSearchClient(new Worker(url) as unknown as SearchPort, { owned: true });
  }
  const { port1, port2 } = new MessageChannel();
  serveSearchEngine(port2 as unknown as SearchPort, createSearchEngine());
  return createSearchClient(port1 as unknown as SearchPort);
}
