import { getMeta, setMeta, type QuiverDb } from '../db';
import type { ApiClient } from '../sync/api-client';
import { ApiError, type ApiErrorCode } from '../sync/api-error';

/** Events per request; the server takes up to 1000. */
export const UPLOAD_BATCH = 200;

/** Uploaded events kept locally for the rep's own figures; the oldest go first. */
export const HISTORY_LIMIT = 20_000;

export const UPLOAD_META = {
  /** Events the server refused as invalid: dropped from the outbox, counted, the last reason kept. */
  rejected: 'eventsRejected',
} as const;

export interface UploadResult {
  outcome: 'uploaded' | 'failed' | 'nothing';
  sent: number;
  rejected: number;
  error?: { code: ApiErrorCode | 'storage'; message: string };
}

const running = new WeakMap<QuiverDb, Promise<UploadResult>>();

/**
 * Sends the outbox to the server in batches, oldest first. A batch leaves the outbox only after
 * the server has answered for it; the server deduplicates by event id, so a batch re-sent after
 * a lost answer or a stopped worker is counted once. One upload at a time per database.
 */
export function uploadOutbox(db: QuiverDb, client: ApiClient, options: { signal?: AbortSignal } = {}): Promise<UploadResult> {
  const current = running.get(db);
  if (current) return current;
  const run = drain(db, client, options).finally(() => running.delete(db));
  running.set(db, run);
  return run;
}

async function drain(db: QuiverDb, client: ApiClient, { signal }: { signal?: AbortSignal }): Promise<UploadResult> {
  const result: UploadResult = { outcome: 'nothing', sent: 0, rejected: 0 };
  try {
    for (;;) {
      const rows = await db.outbox.orderBy('seq').limit(UPLOAD_BATCH).toArray();
      if (rows.length === 0) break;
      const answer = await client.postEvents(
        rows.map((r) => r.event as never),
        signal,
      );
      const rejected = answer.rejected.length;
      const refused = new Set(answer.rejected.map((r) => r.index));
      await db.transaction('rw', db.outbox, db.meta, db.history, async () => {
        await db.outbox.bulkDelete(rows.map((r) => r.seq!));
        await db.history.bulkPut(rows.filter((_r, i) => !refused.has(i)).map(({ id, at, event }) => ({ id, at, event })));
        const excess = (await db.history.count()) - HISTORY_LIMIT;
        if (excess > 0) await db.history.bulkDelete(await db.history.orderBy('at').limit(excess).primaryKeys());
        if (rejected > 0) {
          const before = (await getMeta(db, UPLOAD_META.rejected))?.count ?? 0;
          await setMeta(db, UPLOAD_META.rejected, { count: before + rejected, last: answer.rejected[0]?.message ?? '' });
        }
      });
      result.outcome = 'uploaded';
      result.sent += rows.length - rejected;
      result.rejected += rejected;
      if (rows.length < UPLOAD_BATCH) break;
    }
    return result;
  } catch (error) {
    const e =
      error instanceof ApiError
        ? { code: error.code, message: error.message }
        : { code: 'storage' as const, message: error instanceof Error ? error.message : String(error) };
    result.outcome = 'failed';
    result.error = e;
    return result;
  }
}
