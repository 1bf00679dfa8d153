import type { StoredItem } from '../db';

/**
 * What the library sync tells whoever indexes the library as it arrives (the background's
 * search engine, lib/background/sync-index.ts), so that the index is built page by page, off
 * the panel, and persisted in the same transaction as the page that completes the sync: when
 * the status says synced, every item is searchable.
 */
export interface SyncIndexer {
  /** A start-over begins: the new library is indexed from nothing, beside the live index. */
  beginStartOver(): void;
  /** Items stored (or staged) and ids deleted by a page about to be committed. */
  apply(upserted: readonly StoredItem[], deleted: readonly string[]): void | Promise<void>;
  /** The index as it stands, to persist with the sync's last page. */
  snapshot(): Uint8Array | Promise<Uint8Array>;
  /** The last page committed at this library revision: the index is now the live library's. */
  committed(revision: number): void | Promise<void>;
  /** The sync failed or stopped: an index of a start-over not swapped in is dropped. */
  abandoned(): void;
}
