import { getMeta, setMeta, type QuiverDb } from '../db';
import type { ApiClient } from './api-client';
import { ApiError } from './api-error';
import { LIBRARY_PAGE_MAX_LIMIT } from '../schema/api';
import { parsePage, stagePage, storePage, swapInPage } from './library-page-store';
import type { SyncIndexer } from './sync-indexer';
import { SYNC_META, type SkippedItem, type SyncErrorCode, type SyncProgress, type SyncStatus } from './sync-state';

export interface SyncOptions {
  onProgress?: (progress: SyncProgress) => void;
  /** Stops between pages (and aborts the request in flight); what was stored stays stored. */
  signal?: AbortSignal;
  /** Changes per page; by default the server's maximum, so that a first sync takes few round trips. */
  pageSize?: number;
  /** Indexes the library as pages arrive; its index is persisted with the page that completes the sync. */
  indexer?: SyncIndexer;
  now?: () => Date;
}

export interface SyncResult {
  outcome: 'synced' | 'failed' | 'aborted';
  error?: { code: SyncErrorCode; message: string };
  /** True when this run started over: the cache was replaced (demo library gone), so rebuild any index from it. */
  replaced: boolean;
  /** Ids stored or updated by this run, and ids it removed: enough to update a search index in place. */
  upserted: string[];
  deleted: string[];
  /** Invalid items met in this run; they are not in the cache. */
  skipped: SkippedItem[];
  /** Items in the cache afterwards. */
  itemCount: number;
  /** Where the time went, in milliseconds: the request and reading its JSON, validating items, indexing, storing. */
  timings: { fetchMs: number; parseMs: number; indexMs: number; storeMs: number };
}

const running = new WeakMap<QuiverDb, Promise<SyncResult>>();

/**
 * Brings the cached library up to date with the server, page by page from the stored cursor.
 * Each page is stored in one transaction together with the cursor after it, so a worker
 * stopped at any point resumes without losing or repeating a change. A sync that starts over
 * (first sync, another server, a cursor the server forgot) stages its pages beside the cached
 * library and swaps them in with its last page, in one transaction: a failure midway leaves
 * the old library whole. A second call while one runs joins it.
 */
export function syncLibrary(db: QuiverDb, client: ApiClient, options: SyncOptions = {}): Promise<SyncResult> {
  const current = running.get(db);
  if (current) return current;
  const run = runSync(db, client, options).finally(() => running.delete(db));
  running.set(db, run);
  return run;
}

async function runSync(db: QuiverDb, client: ApiClient, options: SyncOptions): Promise<SyncResult> {
  const now = options.now ?? (() => new Date());
  const pageSize = options.pageSize ?? LIBRARY_PAGE_MAX_LIMIT;
  const indexer = options.indexer;
  const result: SyncResult = {
    outcome: 'synced',
    replaced: false,
    upserted: [],
    deleted: [],
    skipped: [],
    itemCount: 0,
    timings: { fetchMs: 0, parseMs: 0, indexMs: 0, storeMs: 0 },
  };
  const timed = async <T>(phase: keyof SyncResult['timings'], work: () => T | Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      return await work();
    } finally {
      result.timings[phase] += performance.now() - started;
    }
  };
  const previous = await getMeta(db, SYNC_META.status);
  const startedAt = now().toISOString();
  const status = (patch: Partial<SyncStatus>): SyncStatus => ({
    itemCount: previous?.itemCount ?? 0,
    skipped: previous?.skipped ?? 0,
    ...(previous?.lastSyncedAt ? { lastSyncedAt: previous.lastSyncedAt } : {}),
    lastAttemptAt: startedAt,
    state: 'syncing',
    ...patch,
  });
  try {
    // Inside the try: with the disk full even this fails, and that is a failed sync to report.
    await setMeta(db, SYNC_META.status, status({ state: 'syncing' }));
    const sourceKey = await client.sourceKey();
    let cursor = await readCursor(db, sourceKey);
    // A start-over stopped midway (the worker was stopped, the server went down) resumes
    // after its last staged page, for the same server and token only.
    const staging = await getMeta(db, 'libraryStaging');
    let startOver = cursor === undefined || staging?.sourceKey === sourceKey;
    let stagedCursor = staging?.sourceKey === sourceKey ? staging.cursor : undefined;
    let received = staging?.sourceKey === sourceKey ? staging.received : 0;
    let restarted = false;
    let etag = cursor && !startOver ? await getMeta(db, SYNC_META.etag) : undefined;
    let indexed = false;
    if (startOver) {
      indexer?.beginStartOver();
      if (stagedCursor && indexer) {
        const staged = await db.stagedItems.toArray();
        await timed('indexMs', () => indexer.apply(staged, []));
      }
    }

    for (;;) {
      if (options.signal?.aborted) throw new ApiError('aborted', 'stopped');
      const asked = startOver ? stagedCursor : cursor;
      let answer;
      try {
        answer = await timed('fetchMs', () =>
          client.libraryPage({
            ...(asked ? { cursor: asked } : {}),
            limit: pageSize,
            ...(!startOver && etag && etag.cursor === asked ? { etag: etag.etag } : {}),
            ...(options.signal ? { signal: options.signal } : {}),
          }),
        );
      } catch (error) {
        // The server no longer knows the cursor (recreated, or another org): start over, once.
        if (error instanceof ApiError && error.details.serverCode === 'invalid_cursor' && asked && !restarted) {
          restarted = true;
          startOver = true;
          stagedCursor = undefined;
          received = 0;
          indexer?.beginStartOver();
          continue;
        }
        throw error;
      }
      if (answer.notModified) break;

      const { page } = answer;
      if (page.hasMore && page.cursor === asked) {
        // Asking again would get the same page forever.
        throw new ApiError('malformed', 'the server said there is more but did not move the cursor');
      }
      const parsed = await timed('parseMs', () => parsePage(page, received));
      if (indexer) await timed('indexMs', () => indexer.apply(parsed.valid, page.deleted));
      indexed = indexed || parsed.valid.length > 0 || page.deleted.length > 0 || startOver;
      const context = { sourceKey, requestCursor: asked, etag: answer.etag, received };
      // The last page carries the index, so the library and its index move together.
      const snapshot = !page.hasMore && indexer && indexed ? await timed('indexMs', () => indexer.snapshot()) : undefined;
      let applied;
      if (!startOver) {
        applied = await timed('storeMs', () => storePage(db, page, parsed, { ...context, ...(snapshot ? { snapshot } : {}) }));
      } else if (page.hasMore) {
        applied = await timed('storeMs', () => stagePage(db, page, parsed, { ...context, first: stagedCursor === undefined }));
      } else {
        applied = await timed('storeMs', () =>
          swapInPage(db, page, parsed, { ...context, first: stagedCursor === undefined, ...(snapshot ? { snapshot } : {}) }),
        );
        result.replaced = true;
        result.upserted = [];
        result.deleted = [];
      }
      received = applied.received;
      result.upserted.push(...applied.upserted);
      result.deleted.push(...applied.deleted);
      result.skipped.push(...applied.skipped);
      options.onProgress?.(applied.progress);

      if (startOver) stagedCursor = page.cursor;
      else cursor = page.cursor;
      etag = undefined;
      if (!page.hasMore) {
        if (indexer && indexed) await indexer.committed((await getMeta(db, 'libraryRevision')) ?? 0);
        break;
      }
    }

    result.itemCount = await db.items.count();
    const skippedNow = ((await getMeta(db, SYNC_META.skippedItems)) ?? []).length;
    await setMeta(db, SYNC_META.status, status({ state: 'ok', lastSyncedAt: now().toISOString(), itemCount: result.itemCount, skipped: skippedNow }));
    await db.meta.delete(SYNC_META.progress);
    return result;
  } catch (error) {
    indexer?.abandoned();
    result.itemCount = await db.items.count().catch(() => result.itemCount);
    if (error instanceof ApiError && error.code === 'aborted') {
      // Stopped on purpose: what was stored stays, and the last real outcome stays on show.
      result.outcome = 'aborted';
      if (previous) await setMeta(db, SYNC_META.status, { ...previous, itemCount: result.itemCount });
      else await db.meta.delete(SYNC_META.status);
      await db.meta.delete(SYNC_META.progress);
      return result;
    }
    result.outcome = 'failed';
    result.error =
      error instanceof ApiError
        ? { code: error.code, message: error.message }
        : { code: 'storage', message: `the library cache could not be written: ${error instanceof Error ? error.message : String(error)}` };
    // Best effort: when the disk is full the status cannot be stored either, and the result
    // still says what happened (the background tells the pages another way).
    await setMeta(db, SYNC_META.status, status({ state: 'error', itemCount: result.itemCount, error: result.error })).catch(() => {});
    await db.meta.delete(SYNC_META.progress).catch(() => {});
    return result;
  }
}

/** The stored cursor, if it belongs to this server and token and the cache holds its library. */
async function readCursor(db: QuiverDb, sourceKey: string): Promise<string | undefined> {
  const [cursor, source, key] = await Promise.all([getMeta(db, SYNC_META.cursor), getMeta(db, SYNC_META.source), getMeta(db, SYNC_META.sourceKey)]);
  return source === 'server' && key === sourceKey && typeof cursor === 'string' && cursor !== '' ? cursor : undefined;
}
