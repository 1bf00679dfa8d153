import type { z } from 'zod';
import { bumpLibraryRevision, getMeta, setMeta, type QuiverDb, type StoredItem } from '../db';
import type { LibraryPage } from '../schema/api';
import { libraryItemSchema } from '../schema/content';
import { clip } from './clip';
import { SYNC_META, type SkippedItem, type SyncProgress } from './sync-state';

export interface StoredPage {
  upserted: string[];
  deleted: string[];
  skipped: SkippedItem[];
  received: number;
  progress: SyncProgress;
}

/**
 * Stores one page and the cursor after it in one transaction. A full sync's first page
 * replaces the whole cache: the demo library, or a library from another server, goes.
 */
export async function storePage(
  db: QuiverDb,
  page: LibraryPage,
  context: { fullSync: boolean; sourceKey: string; requestCursor: string | undefined; etag: string | undefined; received: number },
): Promise<StoredPage> {
  const valid: StoredItem[] = [];
  const skipped: SkippedItem[] = [];
  for (const raw of page.items) {
    const parsed = libraryItemSchema.safeParse(raw);
    if (parsed.success) valid.push(parsed.data);
    else skipped.push(skippedItem(raw, parsed.error));
  }
  const received = context.received + page.items.length + page.deleted.length;
  const progress: SyncProgress = {
    received,
    ...(page.remaining !== undefined ? { total: received + page.remaining } : {}),
  };

  await db.transaction('rw', db.items, db.meta, async () => {
    const skippedById = new Map(
      context.fullSync ? [] : ((await getMeta(db, SYNC_META.skippedItems)) ?? []).map((s) => [s.id, s]),
    );
    if (context.fullSync) await db.items.clear();
    await db.items.bulkPut(valid);
    // Only a listed deletion removes an item. A skipped item's cached version stays: a version
    // this client cannot read (a newer server's field, a hand-edited row) must not cost the rep
    // a template they had; the skipped report says it is out of date.
    await db.items.bulkDelete(page.deleted);
    for (const id of [...valid.map((i) => i.id), ...page.deleted]) skippedById.delete(id);
    for (const s of skipped) skippedById.set(s.id, s);

    await setMeta(db, SYNC_META.skippedItems, [...skippedById.values()]);
    await setMeta(db, SYNC_META.cursor, page.cursor);
    await setMeta(db, SYNC_META.source, 'server');
    await setMeta(db, SYNC_META.sourceKey, context.sourceKey);
    if (context.etag) await setMeta(db, SYNC_META.etag, { cursor: context.requestCursor ?? '', etag: context.etag });
    if (page.settings) await setMeta(db, SYNC_META.orgSettings, page.settings);
    await setMeta(db, SYNC_META.progress, progress);
    // In the same transaction: whoever holds an index of the library sees it move with the items.
    await bumpLibraryRevision(db);
  });

  return { upserted: valid.map((i) => i.id), deleted: page.deleted, skipped, received, progress };
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
