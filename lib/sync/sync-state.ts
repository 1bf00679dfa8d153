import { getMeta, type QuiverDb } from '../db';
import type { ApiErrorCode } from './api-error';

/*
 * What the library sync keeps in the extension's `meta` table. The options page and the
 * panel read `syncStatus` and `syncProgress` (live queries) to say when the library was last
 * synced, how many items it has, how many were skipped, or why the last sync failed.
 */
export const SYNC_META = {
  /** Opaque cursor of the last page stored; the next sync asks for what changed after it. */
  cursor: 'libraryCursor',
  /** `demo` or `server` (see LibrarySource in lib/db.ts). */
  source: 'librarySource',
  /** Which server and token the cursor belongs to; a different one starts over. */
  sourceKey: 'librarySourceKey',
  /** ETag of the last page, with the cursor it was asked with: an unchanged library costs a 304. */
  etag: 'libraryEtag',
  /** Items the server sent that did not validate (SkippedItem[]): not stored; the cache keeps the version it had, if any. */
  skippedItems: 'librarySkippedItems',
  status: 'syncStatus',
  progress: 'syncProgress',
  /** The org's settings served with the library (stage map). */
  orgSettings: 'orgSettings',
} as const;

/** An item the server sent that is not a valid content item, and the first thing wrong with it. */
export interface SkippedItem {
  id: string;
  field: string;
  message: string;
}

/** An API failure, or `storage` when the cache itself could not be written (disk full). */
export type SyncErrorCode = ApiErrorCode | 'storage';

export interface SyncStatus {
  state: 'syncing' | 'ok' | 'error';
  /** ISO time of the last sync that completed. */
  lastSyncedAt?: string;
  /** ISO time the current or last attempt started. */
  lastAttemptAt: string;
  /** Items in the cache after the last completed page. */
  itemCount: number;
  /** Server items not stored because they are invalid (an older cached version may still be offered). */
  skipped: number;
  /** Why the last attempt failed (`unauthorized` reads "token rejected"). */
  error?: { code: SyncErrorCode; message: string };
}

export interface SyncProgress {
  /** Changes (items, deletions, skipped items) received so far in this sync. */
  received: number;
  /** All changes this sync will receive, once the server has said. */
  total?: number;
}

export function readSyncStatus(db: QuiverDb): Promise<SyncStatus | undefined> {
  return getMeta(db, SYNC_META.status);
}

export function readSyncProgress(db: QuiverDb): Promise<SyncProgress | undefined> {
  return getMeta(db, SYNC_META.progress);
}

export async function readSkippedItems(db: QuiverDb): Promise<SkippedItem[]> {
  return (await getMeta(db, SYNC_META.skippedItems)) ?? [];
}
