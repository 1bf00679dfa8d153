import type { StoredItem } from '../db';
import { searchResponseSchema, type SearchPort, type SearchRequest, type SearchResponse } from './protocol';
import type { SearchHit, SearchOptions, UsageSignal } from './types';

/**
 * The search engine as extension pages use it: the same engine, in a Web Worker, so that
 * indexing and searching never block typing. Every method returns a promise; requests are
 * answered in the order they were made.
 */
export interface SearchClient {
  setItems(items: readonly StoredItem[]): Promise<void>;
  upsert(items: readonly StoredItem[]): Promise<void>;
  remove(ids: readonly string[]): Promise<void>;
  setUsage(usage: ReadonlyMap<string, UsageSignal>): Promise<void>;
  /**
   * Resolves with the hits, or with `null` when a newer search was made before this one was
   * answered: its results would only flash past, so the page should ignore them. While a
   * search runs, only the newest of the searches made meanwhile is sent at all. Searches in
   * different `lane`s (the result list, the suggestions…) never supersede each other.
   */
  search(query: string, options?: SearchOptions, lane?: string): Promise<SearchHit[] | null>;
  /**
   * Loads a persisted index (from `serialize`). Its buffer is transferred to the worker, so
   * `snapshot` is unusable afterwards. False when it is of another format: then call `setItems`.
   */
  load(snapshot: Uint8Array): Promise<boolean>;
  /** The index, to persist (see `lib/search/persist.ts`). */
  serialize(): Promise<Uint8Array>;
  /** Items in the index as of the last answer from the worker. */
  readonly size: number;
  /** Grows whenever the indexed library changes (see `IndexedSearchEngine.revision`). */
  readonly revision: number;
  /** Stops the worker (if the client started it) and fails pending requests. */
  close(): void;
}

type Request = SearchRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;
type Ok = Extract<SearchResponse, { ok: true }>;

interface Pending {
  resolve: (response: Ok) => void;
  reject: (error: Error) => void;
}

interface QueuedSearch {
  query: string;
  options: SearchOptions | undefined;
  resolve: (hits: SearchHit[] | null) => void;
  reject: (error: Error) => void;
}

/**
 * A client for a search engine served on `port` (see `serve.ts`): a dedicated `Worker` running
 * the `search-worker` entrypoint, or a `MessagePort`. With `owned`, `close()` terminates it.
 */
export function createSearchClient(port: SearchPort, { owned = false }: { owned?: boolean } = {}): SearchClient {
  const channel: SearchPort = port;
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let size = 0;
  let revision = 0;
  let closed = false;
  // Per lane: whether a search is in flight, and the newest one waiting.
  const lanes = new Map<string, { searching: boolean; queued: QueuedSearch | undefined }>();
  const laneOf = (name: string) => {
    let lane = lanes.get(name);
    if (!lane) lanes.set(name, (lane = { searching: false, queued: undefined }));
    return lane;
  };

  const onMessage = (event: MessageEvent) => {
    const parsed = searchResponseSchema.safeParse(event.data);
    if (!parsed.success) {
      // Fail the request it answers rather than leave its caller waiting forever.
      const id = (event.data as { id?: unknown } | null)?.id;
      const waiter = typeof id === 'number' ? pending.get(id) : undefined;
      if (waiter && typeof id === 'number') {
        pending.delete(id);
        waiter.reject(new Error(`bad response from the search worker: ${parsed.error.message}`));
      }
      return;
    }
    const response = parsed.data;
    const waiter = pending.get(response.id);
    if (!waiter) return;
    pending.delete(response.id);
    if (response.ok) {
      size = response.size;
      revision = response.revision;
      waiter.resolve(response);
    } else waiter.reject(new Error(response.error));
  };
  channel.addEventListener('message', onMessage);
  channel.start?.();

  function send(request: Request, transfer: Transferable[] = []): Promise<Ok> {
    if (closed) return Promise.reject(new Error('search client is closed'));
    const id = nextId++;
    return new Promise<Ok>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      channel.postMessage({ ...request, id }, transfer);
    });
  }

  // One search in flight at a time per lane; of those made meanwhile only the newest is sent.
  function sendQueued(name: string) {
    const lane = laneOf(name);
    const search = lane.queued;
    if (!search) return;
    lane.queued = undefined;
    lane.searching = true;
    const { stages, types, limit, boostStages } = search.options ?? {};
    const options = { stages: stages && [...stages], types: types && [...types], limit, boostStages: boostStages && [...boostStages] };
    const request: Request = { op: 'search', query: search.query, options };
    send(request).then(
      (response) => {
        lane.searching = false;
        // A newer query is waiting: these results are already stale.
        search.resolve(lane.queued ? null : (response.hits ?? []));
        sendQueued(name);
      },
      (error: Error) => {
        lane.searching = false;
        search.reject(error);
        sendQueued(name);
      },
    );
  }

  return {
    get size() {
      return size;
    },
    get revision() {
      return revision;
    },
    async setItems(items) {
      await send({ op: 'setItems', items: [...items] });
    },
    async upsert(items) {
      await send({ op: 'upsert', items: [...items] });
    },
    async remove(ids) {
      await send({ op: 'remove', ids: [...ids] });
    },
    async setUsage(usage) {
      await send({ op: 'setUsage', usage: new Map(usage) });
    },
    search(query, options, name = 'main') {
      return new Promise((resolve, reject) => {
        const lane = laneOf(name);
        lane.queued?.resolve(null);
        lane.queued = { query, options, resolve, reject };
        if (!lane.searching) sendQueued(name);
      });
    },
    async load(snapshot) {
      const bytes = snapshot as Uint8Array<ArrayBuffer>;
      const response = await send({ op: 'load', snapshot: bytes }, [bytes.buffer]);
      return response.loaded ?? false;
    },
    async serialize() {
      const response = await send({ op: 'serialize' });
      if (!response.snapshot) throw new Error('the search worker sent no snapshot');
      return response.snapshot;
    },
    close() {
      if (closed) return;
      closed = true;
      channel.removeEventListener('message', onMessage);
      if (owned) (port as unknown as { terminate?: () => void }).terminate?.();
      const error = new Error('search client is closed');
      for (const waiter of pending.values()) waiter.reject(error);
      pending.clear();
      for (const lane of lanes.values()) {
        lane.queued?.reject(error);
        lane.queued = undefined;
      }
    },
  };
}
