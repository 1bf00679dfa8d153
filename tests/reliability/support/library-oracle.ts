import { libraryPageSchema } from '../../../lib/schema/api';
import { libraryItemSchema, type LibraryItem } from '../../../lib/schema/content';
import { FINAL_PAGE, type ScriptedResponse } from './page-server';

/*
 * What the cache must hold after the sync client met one scripted answer. The schemas decide
 * what is valid (they are the contract); this decides what storing means: a page is all or
 * nothing, valid items replace their cached version, an invalid item changes nothing (the
 * cached version stays), only a listed deletion removes an item, and the cursor moves only
 * with a stored page. Bytes are decoded as every browser's fetch does: invalid UTF-8 becomes
 * U+FFFD.
 */

export type Expected =
  { kind: 'untouched'; outcome: 'synced' | 'failed' } | { kind: 'stored'; items: Map<string, LibraryItem>; cursor: string; skipped: number };

export function expectedCache(
  before: ReadonlyMap<string, unknown>,
  mode: 'delta' | 'full',
  requestCursor: string | undefined,
  response: ScriptedResponse,
): Expected {
  if (response.status === 304) return { kind: 'untouched', outcome: 'synced' };
  if (response.status !== 200) return { kind: 'untouched', outcome: 'failed' };
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(response.body));
  } catch {
    return { kind: 'untouched', outcome: 'failed' };
  }
  const page = libraryPageSchema.safeParse(json);
  if (!page.success) return { kind: 'untouched', outcome: 'failed' };
  // "More to come" under the same cursor would loop forever: refused, nothing stored.
  if (page.data.hasMore && page.data.cursor === requestCursor) return { kind: 'untouched', outcome: 'failed' };

  // A full sync replaces the demo library; a delta applies to what is cached.
  const items = new Map<string, LibraryItem>(mode === 'full' ? [] : ([...before] as [string, LibraryItem][]));
  let skipped = 0;
  for (const raw of page.data.items) {
    const item = libraryItemSchema.safeParse(raw);
    if (item.success) items.set(item.data.id, item.data);
    else skipped += 1;
  }
  for (const id of page.data.deleted) items.delete(id);
  // With more to come the client asks again and stores the scripted server's last page.
  return { kind: 'stored', items, cursor: page.data.hasMore ? FINAL_PAGE.cursor : page.data.cursor, skipped };
}
