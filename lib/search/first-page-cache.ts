import { getMeta, setMeta, type QuiverDb, type StoredItem } from '../db';
import type { SearchHit } from '.';

/**
 * The first page of the empty-query result list, per filter, as the panel last showed it.
 * A panel opening cold shows it at once from one small read, while the search worker loads
 * its index; the worker's answer replaces it moments later. It is only used while the library
 * is at the same revision, so it never shows items a sync has since changed or removed.
 */
const KEY = 'panelFirstPages';
/** Filter combinations kept: no filter, each single stage, a few more. */
const KEEP = 8;

export interface FirstPage {
  filter: string;
  revision: number;
  hits: SearchHit[];
  items: StoredItem[];
}

export async function readFirstPage(db: QuiverDb, filter: string): Promise<FirstPage | undefined> {
  const [pages, revision] = await Promise.all([getMeta(db, KEY), getMeta(db, 'libraryRevision')]);
  return pages?.find((p) => p.filter === filter && p.revision === (revision ?? 0));
}

export async function saveFirstPage(db: QuiverDb, page: Omit<FirstPage, 'revision'>): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const revision = (await getMeta(db, 'libraryRevision')) ?? 0;
    const pages = ((await getMeta(db, KEY)) ?? []).filter((p) => p.filter !== page.filter && p.revision === revision);
    await setMeta(db, KEY, [{ ...page, revision }, ...pages].slice(0, KEEP));
  });
}
