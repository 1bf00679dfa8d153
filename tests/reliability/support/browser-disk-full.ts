import type { Page, Worker } from 'playwright-core';

/*
 * A full disk, for IndexedDB, in one extension context (a page, or the service worker).
 * Chromium cannot be made to run out of quota for this extension: it holds `unlimitedStorage`,
 * and with it CDP's Storage.overrideQuotaForOrigin changes what navigator.storage.estimate()
 * reports but no write fails (checked in docs/reliability.md). So every write request
 * (`put`, `add`) of a read-write transaction fails the way a full disk fails it: the request
 * errors with QuotaExceededError and the transaction aborts with it — a real abort, so the
 * transaction's other writes are rolled back by IndexedDB itself. Deletes still work, as
 * they free space.
 */

/** Runs in the context (passed to evaluate): installs the patch once, then sets the switch. */
export function setDiskFullInContext(full: boolean): void {
  const g = globalThis as unknown as { __quiverDiskFull?: boolean; __quiverDiskPatched?: boolean };
  g.__quiverDiskFull = full;
  if (g.__quiverDiskPatched) return;
  g.__quiverDiskPatched = true;
  for (const method of ['put', 'add'] as const) {
    const original = IDBObjectStore.prototype[method];
    IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: [unknown, IDBValidKey?]) {
      const request = original.apply(this, args);
      if (!g.__quiverDiskFull) return request;
      const error = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      Object.defineProperty(request, 'error', { get: () => error, configurable: true });
      Object.defineProperty(this.transaction, 'error', { get: () => error, configurable: true });
      this.transaction.abort();
      return request;
    } as never;
  }
}

export async function setDiskFull(contexts: (Page | Worker)[], full: boolean): Promise<void> {
  for (const context of contexts) {
    if ('goto' in context) await context.evaluate(setDiskFullInContext, full);
    else await context.evaluate(setDiskFullInContext, full);
  }
}
