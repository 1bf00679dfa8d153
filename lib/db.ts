import Dexie, { type EntityTable } from 'dexie';
import type { ContentItem } from './schema/content';

/** A content item as cached in the browser; `version` and `updated_at` come from the server. */
export type StoredItem = ContentItem & { version?: number; updated_at?: string };

export interface MetaRow {
  key: string;
  value: unknown;
}

/** How often and how lately the rep used an item: breaks ties in search and suggestions. */
export interface ItemUsage {
  id: string;
  uses: number;
  lastUsedAt: number;
}

/** A usage event waiting to be uploaded (or kept locally when no server is configured). */
export interface OutboxRow {
  seq?: number;
  id: string;
  at: string;
  event: unknown;
}

/** A usage event the server has confirmed, kept (bounded) for the rep's own figures. */
export interface HistoryRow {
  id: string;
  at: string;
  event: unknown;
}

export class QuiverDb extends Dexie {
  items!: EntityTable<StoredItem, 'id'>;
  meta!: EntityTable<MetaRow, 'key'>;
  usage!: EntityTable<ItemUsage, 'id'>;
  outbox!: EntityTable<OutboxRow, 'seq'>;
  history!: EntityTable<HistoryRow, 'id'>;

  constructor(name = 'quiver') {
    super(name);
    this.version(1).stores({
      items: 'id, *stages, type, shortcut, updated_at',
      meta: 'key',
      usage: 'id, lastUsedAt',
      outbox: '++seq, &id, at',
    });
    this.version(2).stores({ history: 'id, at' });
  }
}

let shared: QuiverDb | undefined;

/** The extension's one database, opened lazily so that importing this module does nothing. */
export function getDb(): QuiverDb {
  shared ??= new QuiverDb();
  return shared;
}

export async function getMeta<T>(db: QuiverDb, key: string): Promise<T | undefined> {
  const row = await db.meta.get(key);
  return row?.value as T | undefined;
}

export async function setMeta(db: QuiverDb, key: string, value: unknown): Promise<void> {
  await db.meta.put({ key, value });
}

/**
 * A counter bumped in the same transaction as every change to the cached library, so that a
 * context holding an index (the background's engine) knows when to refresh it.
 */
export async function bumpLibraryRevision(db: QuiverDb): Promise<void> {
  const current = (await getMeta<number>(db, 'libraryRevision')) ?? 0;
  await setMeta(db, 'libraryRevision', current + 1);
}

/** Where the cached library came from: the bundled demo library, or a configured server. */
export type LibrarySource = 'demo' | 'server';

/**
 * Replaces the cached library with the bundled demo library, unless a server's library is
 * cached. Running it again with the same items changes nothing.
 */
export async function seedDemoLibrary(db: QuiverDb, items: ContentItem[]): Promise<'seeded' | 'skipped'> {
  return db.transaction('rw', db.items, db.meta, async () => {
    const source = await getMeta<LibrarySource>(db, 'librarySource');
    if (source === 'server') return 'skipped';
    const keep = new Set(items.map((i) => i.id));
    const stale = (await db.items.toCollection().primaryKeys()).filter((id) => !keep.has(id));
    await db.items.bulkDelete(stale);
    await db.items.bulkPut(items);
    await setMeta(db, 'librarySource', 'demo');
    await bumpLibraryRevision(db);
    return 'seeded';
  });
}
