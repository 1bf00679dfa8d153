import { storedValue } from './stored-value';

/*
 * The browser's storage being full, as every part of the extension learns of it. A write to
 * IndexedDB that fails for lack of space (recording a usage event, storing a library page)
 * leaves what was stored as it was, but the rep must be told: the panel and the options page
 * show it until a later write succeeds. It is said in storage.session, which lives in memory
 * — it can be written when the disk cannot — and is seen by every extension page and the
 * worker alike.
 */

export interface StorageFull {
  /** When a write last failed for lack of space. */
  at: string;
}

/** Null while writes go through. */
export const storageFullStore = storedValue<StorageFull | null>('session:storageFull', (stored) =>
  stored && typeof stored === 'object' && typeof (stored as StorageFull).at === 'string' ? { at: (stored as StorageFull).at } : null,
);

/**
 * A write refused for lack of space: QuotaExceededError, as IndexedDB reports it on a request
 * or on the transaction it aborted, and as Dexie passes it on — itself, as the `inner` of an
 * AbortError, or among the `failures` of a BulkError (bulkAdd, bulkPut).
 */
export function isQuotaError(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 4) return false;
  const e = error as { name?: unknown; inner?: unknown; failures?: unknown };
  if (e.name === 'QuotaExceededError') return true;
  if (Array.isArray(e.failures) && e.failures.some((f) => isQuotaError(f, depth + 1))) return true;
  return isQuotaError(e.inner, depth + 1);
}

/** Says storage is full. Never throws: nothing here may hide the failure being reported. */
export async function noteStorageFull(now = new Date()): Promise<void> {
  try {
    await storageFullStore.set({ at: now.toISOString() });
  } catch {
    // No extension storage to say it in (a test harness): the failure itself is still reported.
  }
}

/** Notes a failed write if it failed for lack of space; other failures are not this notice's business. */
export async function noteWriteFailed(error: unknown): Promise<void> {
  if (isQuotaError(error)) await noteStorageFull();
}

/** A write went through: storage is not full (any more). */
export async function noteWriteWorked(): Promise<void> {
  try {
    await storageFullStore.clear();
  } catch {
    // As above.
  }
}
