import Dexie, { type EntityTable } from 'dexie';
import type { FirstPage } from './search/first-page-cache';
import type { OrgSettings } from './schema/api';
import type { ContentItem } from './schema/content';
import type { PendingPages } from './site-health/monitor';
import type { SkippedItem, SyncProgress, SyncStatus } from './sync/sync-state';

/** A content item as cached in the browser; `version` and `updated_at` come from the server. */
export type StoredItem = ContentItem & { version?: number; updated_at?: string };

/**
 * Everything kept in the `meta` table, by key: a misspelt key, or a value of the wrong shape,
 * fails the type check. The constants that name some of them (SYNC_META, UPLOAD_META…) live
 * beside the code that writes them.
 */
export interface MetaValues {
  /** Bumped with every change to the cached library (bumpLibraryRevision). */
  libraryRevision: number;
  librarySource: LibrarySource;
  /** The extension version the demo library was last seeded for. */
  demoSeededFor: string;
  libraryCursor: string;
  librarySourceKey: string;
  libraryEtag: { cursor: string; etag: string };
  librarySkippedItems: SkippedItem[];
  syncStatus: SyncStatus;
  syncProgress: SyncProgress;
  orgSettings: OrgSettings;
  syncRetryAttempt: number;
  uploadRetryAttempt: number;
  /** Epoch milliseconds before which an upload waits (backoff). */
  uploadNotBefore: number;
  /** Events dropped from the full outbox, oldest first. */
  outboxDropped: number;
  eventsRejected: { count: number; last: string };
  /** The side panel's remembered first pages (lib/search/first-page-cache.ts). */
  panelFirstPages: FirstPage[];
  /** The persisted search index (lib/search/persist.ts). */
  searchIndex: Uint8Array;
  /** The page each tab is on, not yet judged for site health (lib/site-health/monitor.ts). */
  siteHealthPages: PendingPages;
  /**
   * A start-over sync under way (lib/sync/library-sync.ts): its pages wait in `stagedItems`
   * until the last one is stored, then replace `items` in one transaction.
   */
  libraryStaging: { sourceKey: string; cursor: string; received: number; skipped: SkippedItem[] };
  /** The library revision the persisted search index was built for; absent when it lags behind. */
  searchIndexRevision: number;
}
export type MetaKey = keyof MetaValues;

export interface MetaRow {
  key: MetaKey;
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
  /** The new library of a start-over sync, page by page, until it replaces `items` whole. */
  stagedItems!: EntityTable<StoredItem, 'id'>;

  constructor(name = 'quiver') {
    super(name);
    this.version(1).stores({
      items: 'id, *stages, type, shortcut, updated_at',
      meta: 'key',
      usage: 'id, lastUsedAt',
      outbox: '++seq, &id, at',
    });
    this.version(2).stores({ history: 'id, at' });
    this.version(3).stores({ stagedItems: 'id' });
  }
}

let shared: QuiverDb | undefined;

/** The extension's one database, opened lazily so that importing this module does nothing. */
export function getDb(): QuiverDb {
  shared ??= new QuiverDb();
  return shared;
}

export async function getMeta<K extends MetaKey>(db: QuiverDb, key: K): Promise<MetaValues[K] | undefined> {
  const row = await db.meta.get(key);
  return row?.value as MetaValues[K] | undefined;
}

export async function setMeta<K extends MetaKey>(db: QuiverDb, key: K, value: MetaValues[K]): Promise<void> {
  await db.meta.put({ key, value });
}

/**
 * A counter bumped in the same transaction as every change to the cached library, so that a
 * context holding an index (the background's engine) knows when to refresh it.
 */
export async function bumpLibraryRevision(db: QuiverDb): Promise<void> {
  const current = (await getMeta(db, 'libraryRevision')) ?? 0;
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
    const source = await getMeta(db, 'librarySource');
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
