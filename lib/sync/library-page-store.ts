import type { z } from 'zod';
import { bumpLibraryRevision, getMeta, setMeta, type QuiverDb, type StoredItem } from '../db';
import type { LibraryPage } from '../schema/api';
import { libraryItemSchema } from '../schema/content';
import { clip } from './clip';
import { SYNC_META, type SkippedItem, type SyncProgress } from './sync-state';

export interface ParsedPage {
  valid: StoredItem[];
  skipped: SkippedItem[];
  received: number;
  progress: SyncProgress;
}

export interface StoredPage {
  upserted: string[];
  deleted: string[];
  skipped: SkippedItem[];
  received: number;
  progress: SyncProgress;
}

export interface PageContext {
  sourceKey: string;
  requestCursor: string | undefined;
  etag: string | undefined;
  /** Changes received before this page in this sync. */
  received: number;
  /** The persisted search index after this page, stored in the same transaction (lib/search/persist.ts). */
  snapshot?: Uint8Array;
}

/** Each item validated once, on its own: a bad one is skipped and reported, the rest kept. */
export function parsePage(page: LibraryPage, received: number): ParsedPage {
  const valid: StoredItem[] = [];
  const skipped: SkippedItem[] = [];
  for (const raw of page.items) {
    const parsed = libraryItemSchema.safeParse(raw);
    if (parsed.success) valid.push(parsed.data);
    else skipped.push(skippedItem(raw, parsed.error));
  }
  const total = received + page.items.length + page.deleted.length;
  const progress: SyncProgress = {
    received: total,
    ...(page.remaining !== undefined ? { total: total + page.remaining } : {}),
  };
  return { valid, skipped, received: total, progress };
}

async function writePageMeta(db: QuiverDb, page: LibraryPage, context: PageContext, progress: SyncProgress): Promise<void> {
  await setMeta(db, SYNC_META.cursor, page.cursor);
  await setMeta(db, SYNC_META.source, 'server');
  await setMeta(db, SYNC_META.sourceKey, context.sourceKey);
  if (context.etag) await setMeta(db, SYNC_META.etag, { cursor: context.requestCursor ?? '', etag: context.etag });
  else await db.meta.delete(SYNC_META.etag);
  if (page.settings) await setMeta(db, SYNC_META.orgSettings, page.settings);
  await setMeta(db, SYNC_META.progress, progress);
  // In the same transaction: whoever holds an index of the library sees it move with the items.
  await bumpLibraryRevision(db);
  if (context.snapshot) {
    await setMeta(db, 'searchIndex', context.snapshot);
    await setMeta(db, 'searchIndexRevision', (await getMeta(db, 'libraryRevision')) ?? 0);
  } else {
    // The persisted index no longer matches the library: whoever loads it catches it up.
    await db.meta.delete('searchIndexRevision');
  }
}

/**
 * Stores one page of changes after a cursor, and the cursor after it, in one transaction: the
 * cached library moves by whole pages.
 */
export async function storePage(db: QuiverDb, page: LibraryPage, parsed: ParsedPage, context: PageContext): Promise<StoredPage> {
  const { valid, skipped, received, progress } = parsed;
  await db.transaction('rw', db.items, db.meta, async () => {
    const skippedById = new Map(((await getMeta(db, SYNC_META.skippedItems)) ?? []).map((s) => [s.id, s]));
    await db.items.bulkPut(valid);
    // Only a listed deletion removes an item. A skipped item's cached version stays: a version
    // this client cannot read (a hand-edited row) must not cost the rep a template they had;
    // the skipped report says it is out of date.
    await db.items.bulkDelete(page.deleted);
    for (const item of valid) skippedById.delete(item.id);
    for (const id of page.deleted) skippedById.delete(id);
    for (const s of skipped) skippedById.set(s.id, s);
    await setMeta(db, SYNC_META.skippedItems, [...skippedById.values()]);
    await writePageMeta(db, page, context, progress);
  });
  return { upserted: valid.map((i) => i.id), deleted: page.deleted, skipped, received, progress };
}

/**
 * One page of a start-over sync that is not its last: it waits in `stagedItems` beside the
 * library the rep is using, which stays whole and searchable. The staging cursor moves with
 * it, so a worker stopped here resumes after this page.
 */
export async function stagePage(db: QuiverDb, page: LibraryPage, parsed: ParsedPage, context: PageContext & { first: boolean }): Promise<StoredPage> {
  const { valid, skipped, received, progress } = parsed;
  await db.transaction('rw', db.stagedItems, db.meta, async () => {
    // Leftovers of a start-over given up on (another server, a cursor the server forgot).
    if (context.first) await db.stagedItems.clear();
    const before = context.first ? [] : ((await getMeta(db, 'libraryStaging'))?.skipped ?? []);
    await db.stagedItems.bulkPut(valid);
    await db.stagedItems.bulkDelete(page.deleted);
    await setMeta(db, 'libraryStaging', { sourceKey: context.sourceKey, cursor: page.cursor, received, skipped: [...before, ...skipped] });
    await setMeta(db, SYNC_META.progress, progress);
  });
  return { upserted: valid.map((i) => i.id), deleted: page.deleted, skipped, received, progress };
}

/**
 * The last page of a start-over sync: the staged library and this page replace the cached
 * library in one transaction, with the cursor and the search index built during the sync.
 * Until this commits, the old library (the demo library, or another server's) is untouched.
 */
export async function swapInPage(db: QuiverDb, page: LibraryPage, parsed: ParsedPage, context: PageContext & { first: boolean }): Promise<StoredPage> {
  const { valid, skipped, received, progress } = parsed;
  const upserted: string[] = [];
  let allSkipped: SkippedItem[] = skipped;
  await db.transaction('rw', [db.items, db.stagedItems, db.meta], async () => {
    const staged = context.first ? [] : await db.stagedItems.toArray();
    const before = context.first ? [] : ((await getMeta(db, 'libraryStaging'))?.skipped ?? []);
    allSkipped = [...before, ...skipped];
    await db.items.clear();
    await db.items.bulkPut(staged);
    await db.items.bulkPut(valid);
    await db.items.bulkDelete(page.deleted);
    await db.stagedItems.clear();
    await db.meta.delete('libraryStaging');
    await setMeta(db, SYNC_META.skippedItems, allSkipped);
    await writePageMeta(db, page, context, progress);
    upserted.push(...(await db.items.toCollection().primaryKeys()));
  });
  return { upserted, deleted: [], skipped, received, progress };
}

function skippedItem(raw: unknown, error: z.ZodError): SkippedItem {
  const id = (raw as { id?: unknown } | null)?.id;
  const issue = error.issues[0];
  return {
    id: typeof id === 'string' && id !== '' ? id.slice(0, 200) : '(no id)',
    field: issue && issue.path.length > 0 ? issue.path.map((p) => clip(String(p), 60)).join('.') : 'item',
    // An unknown key is quoted in the message, and a key can be of any length.
    message: clip(issue?.message ?? 'invalid', 300),
  };
}
