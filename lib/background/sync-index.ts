import type { StoredItem } from '../db';
import { createSearchEngine, type IndexedSearchEngine } from '../search';
import type { SyncIndexer } from '../sync/sync-indexer';
import type { LibraryService } from './library-service';

/**
 * Indexes the library in the background while the sync stores it: a delta sync edits the
 * background's engine in place, page by page; a start-over gathers its pages and builds a new
 * engine beside the live one with its last page, which replaces the live one when the new
 * library is swapped in. The sync persists the index with its last
 * page, so the panel (and a woken worker) loads it instead of indexing the library again.
 */
export class SyncIndex implements SyncIndexer {
  /** A start-over's new library so far, by id; indexed in one bulk build with its last page. */
  private fresh: Map<string, StoredItem> | undefined;
  private built: IndexedSearchEngine | undefined;
  private live: IndexedSearchEngine | undefined;

  constructor(private readonly library: LibraryService) {}

  beginStartOver(): void {
    this.fresh = new Map();
    this.built = undefined;
  }

  async apply(upserted: readonly StoredItem[], deleted: readonly string[]): Promise<void> {
    if (this.fresh) {
      // A whole library indexed at once (bulk-build.ts) costs about half as much as the same
      // items inserted page by page into an index that grows (measured by `npm run bench`),
      // and the worker has one thread for both: the new library is built with its last page.
      for (const item of upserted) this.fresh.set(item.id, item);
      for (const id of deleted) this.fresh.delete(id);
      return;
    }
    const engine = (this.live ??= await this.library.getEngine());
    if (upserted.length > 0) engine.upsert(upserted);
    if (deleted.length > 0) engine.remove(deleted);
  }

  async snapshot(): Promise<Uint8Array> {
    if (this.fresh) {
      const engine = createSearchEngine();
      engine.setItems([...this.fresh.values()]);
      engine.prepare();
      this.built = engine;
      return engine.serialize();
    }
    const engine = (this.live ??= await this.library.getEngine());
    return engine.serialize();
  }

  async committed(revision: number): Promise<void> {
    const engine = this.fresh ? this.built : this.live;
    this.fresh = undefined;
    this.built = undefined;
    this.live = undefined;
    if (engine) await this.library.adopt(engine, revision);
  }

  abandoned(): void {
    // A start-over's index is of a library that was never swapped in; a delta's may hold a
    // page that was not stored.
    if (this.live) this.library.invalidate();
    this.fresh = undefined;
    this.built = undefined;
    this.live = undefined;
  }
}
