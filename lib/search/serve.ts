import { searchRequestSchema, type SearchPort, type SearchResponse } from './protocol';
import type { IndexedSearchEngine, SearchHit } from './types';

/**
 * Answers `client.ts` requests on `port` with `engine`, one message at a time, in order. Used by
 * the worker entrypoint (`entrypoints/search-worker.ts`) and, over a `MessageChannel`, by tests. Returns a function
 * that stops serving.
 */
export function serveSearchEngine(port: SearchPort, engine: IndexedSearchEngine): () => void {
  let idle: ReturnType<typeof setTimeout> | undefined;

  const onMessage = (event: MessageEvent) => {
    const parsed = searchRequestSchema.safeParse(event.data);
    if (!parsed.success) {
      const id = (event.data as { id?: unknown } | null)?.id;
      if (typeof id === 'number') port.postMessage({ id, ok: false, error: `bad request: ${parsed.error.message}` });
      return;
    }
    const request = parsed.data;
    let response: SearchResponse;
    const transfer: Transferable[] = [];
    try {
      let result: { hits?: SearchHit[]; loaded?: boolean; snapshot?: Uint8Array<ArrayBuffer> } = {};
      switch (request.op) {
        case 'setItems':
          engine.setItems(request.items);
          break;
        case 'upsert':
          engine.upsert(request.items);
          break;
        case 'remove':
          engine.remove(request.ids);
          break;
        case 'setUsage':
          engine.setUsage(request.usage);
          break;
        case 'search':
          result = { hits: engine.search(request.query, request.options ?? {}) };
          break;
        case 'load':
          result = { loaded: engine.load(request.snapshot) };
          break;
        case 'serialize': {
          const snapshot = engine.serialize();
          // Handed over, not copied: at 50,000 items a snapshot is tens of megabytes.
          transfer.push(snapshot.buffer);
          result = { snapshot };
          break;
        }
      }
      response = { id: request.id, ok: true, size: engine.size, revision: engine.revision, ...result };
    } catch (error) {
      response = { id: request.id, ok: false, error: error instanceof Error ? error.message : String(error) };
    }
    port.postMessage(response, transfer);

    // Indexing that setItems deferred runs once the queue is drained, so that the first
    // query after opening the panel is answered before it, not behind it.
    clearTimeout(idle);
    idle = setTimeout(() => engine.prepare(), 0);
  };

  port.addEventListener('message', onMessage);
  port.start?.();
  return () => {
    clearTimeout(idle);
    port.removeEventListener('message', onMessage);
  };
}
