/**
 * Entry of the dedicated search worker that `createSearchClient()` starts from an extension
 * page. Unlike every other module here it does its work on import: serving is its purpose.
 * (The background service worker cannot start workers and uses `createSearchEngine()` directly.)
 */
import { createSearchEngine } from './index';
import type { SearchPort } from './protocol';
import { serveSearchEngine } from './serve';

// In a dedicated worker, `self` is the port to the page that started it.
serveSearchEngine(self as unknown as SearchPort, createSearchEngine());
