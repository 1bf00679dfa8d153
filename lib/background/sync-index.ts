import type { StoredItem } from '../db';
import { createSearchEngine, type IndexedSearchEngine } from '../search';
import type { SyncIndexer } from '../sync/sync-indexer';
import type { LibraryService } from './library-service';

/**
 * Indexes the library in the background while the sync stores it, page by page: a delta sync
 * edits the background's engine in place; a start-over builds a new engine beside it, which
 * replaces it when the new library is swapped in. The sync persists the index with its last
 * page, so the panel (and a woken worker) loads it instead of indexing the library again.
 */
export class SyncIndex implements SyncIndexer {
  private fresh: IndexedSearchEngine | undefined;
  private live: IndexedSearchEngine | undefined;

  constructor(private readonly library: LibraryService) {}

  beginStartOver(): void {
    this.fresh = createSearchEngine();
  }

  async apply(upserted: readonly StoredItem[], deleted: readonly string[]): Promise<void> {
    const engine = this.fresh ?? (this.live ??= await this.library.getEngine());
    if (upserted.length > 0) engine.upsert(upserted);
    if (deleted.length > 0) engine.remove(deleted);
  }

  async snapshot(): Promise<Uint8Array> {
    const engine = this.fresh ?? (this.live ??= await this.library.getEngine());
    return engine.serialize();
  }

  async committed(revision: number): Promise<void> {
    const engine = this.fresh ?? this.live;
    this.fresh = undefined;
    this.live = undefined;
    if (engine) await this.library.adopt(engine, revision);
  }

  abandoned(): void {
    // A start-over's index is of a library that was never swapped in; a delta's may hold a
    // page that was not stored.
    if (this.live) this.library.invalidate();
    this.fresh = undefined;
    this.live = undefined;
  }
}
