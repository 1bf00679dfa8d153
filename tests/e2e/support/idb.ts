import type { Page, Worker } from 'playwright-core';

/*
 * The extension's IndexedDB (`quiver`, lib/db.ts) read and written from an extension page with
 * the raw API, each call on its own short-lived connection: the test sees exactly what is
 * stored, not what a Dexie cache in some page believes, and never blocks the extension's own
 * connections or upgrades.
 */

/**
 * All rows of one object store (none when the database or the store does not exist yet), read
 * in an extension page or in the service worker.
 */
export function readStore<T>(page: Page | Worker, store: string): Promise<T[]> {
  return (page as Page).evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('quiver');
        // Not there yet: create nothing (an empty database would get in Dexie's way).
        open.onupgradeneeded = () => open.transaction?.abort();
        open.onerror = () => resolve([]);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains(name)) {
            db.close();
            return resolve([]);
          }
          const all = db.transaction(name).objectStore(name).getAll();
          all.onsuccess = () => resolve(all.result as T[]);
          all.onerror = () => reject(all.error);
          db.close();
        };
      }),
    store,
  );
}

/** One `meta` value (sync cursor, sync status…). */
export async function readMeta<T>(page: Page, key: string): Promise<T | undefined> {
  const rows = await readStore<{ key: string; value: T }>(page, 'meta');
  return rows.find((r) => r.key === key)?.value;
}

/** The cached library as `id@version`, sorted: what "item for item" compares. */
export async function cachedLibrary(page: Page): Promise<string[]> {
  const rows = await readStore<{ id: string; version?: number }>(page, 'items');
  return rows.map((r) => `${r.id}@${r.version ?? '-'}`).sort();
}

/** Ids of the events waiting in the outbox, sorted. */
export async function outboxIds(page: Page): Promise<string[]> {
  const rows = await readStore<{ id: string }>(page, 'outbox');
  return rows.map((r) => r.id).sort();
}

/**
 * Queues usage events as the extension would (rows of `{id, at, event}` in `outbox`), in
 * one transaction. The database must exist: the background creates it on start.
 */
export function queueEvents(page: Page, events: { id: string; at: string }[]): Promise<void> {
  return page.evaluate(
    (rows) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('quiver');
        open.onupgradeneeded = () => open.transaction?.abort();
        open.onerror = () => reject(open.error ?? new Error('the quiver database does not exist yet'));
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('outbox', 'readwrite');
          for (const event of rows) tx.objectStore('outbox').add({ id: event.id, at: event.at, event });
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onabort = () => {
            db.close();
            reject(tx.error);
          };
        };
      }),
    events,
  );
}
