import type { Insertable, Kysely, Transaction } from 'kysely';
import type { ContentItem } from '../../lib/schema/content';
import { canonicalJson } from '../canonical-json';
import type { ContentItemTable, Database } from '../db/schema';
import { nowIso } from './clock';

export interface ImportSummary {
  added: string[];
  updated: string[];
  unchanged: number;
  /** Items no longer in the folder, now tombstones. */
  deleted: string[];
}

/** Rows per INSERT: well under SQLite's and PostgreSQL's bound-parameter limits. */
const ROWS_PER_STATEMENT = 500;

/**
 * Makes the org's library exactly `items`, in one transaction: a new or changed item gets the
 * next version and change sequence number, an unchanged one is left alone, and an item that is
 * no longer listed becomes a tombstone. Importing the same items twice changes nothing.
 */
export async function importLibrary(db: Kysely<Database>, orgId: string, items: readonly ContentItem[]): Promise<ImportSummary> {
  return db.transaction().execute(async (trx) => {
    const org = await lockLibrary(trx, orgId);
    const existing = new Map(
      (await trx.selectFrom('content_items').select(['id', 'version', 'item', 'deleted_at']).where('org_id', '=', orgId).execute()).map((row) => [row.id, row]),
    );

    const now = nowIso();
    let seq = org.library_seq;
    const writes: Insertable<ContentItemTable>[] = [];
    const summary: ImportSummary = { added: [], updated: [], unchanged: 0, deleted: [] };

    for (const item of items) {
      const json = canonicalJson(item);
      const before = existing.get(item.id);
      if (before && before.deleted_at === null && sameItem(before.item, json)) {
        summary.unchanged += 1;
        continue;
      }
      if (before && before.deleted_at === null) summary.updated.push(item.id);
      else summary.added.push(item.id);
      writes.push(itemRow(orgId, item, json, (before?.version ?? 0) + 1, ++seq, now));
    }

    const listed = new Set(items.map((i) => i.id));
    for (const before of existing.values()) {
      if (before.deleted_at !== null || listed.has(before.id)) continue;
      summary.deleted.push(before.id);
      // The item text stays on the tombstone: stats can still name what was deleted.
      writes.push({
        ...tombstoneColumns(before.item),
        org_id: orgId,
        id: before.id,
        version: before.version + 1,
        seq: ++seq,
        item: before.item,
        updated_at: now,
        deleted_at: now,
      });
    }

    for (let i = 0; i < writes.length; i += ROWS_PER_STATEMENT) {
      await trx
        .insertInto('content_items')
        .values(writes.slice(i, i + ROWS_PER_STATEMENT))
        .onConflict((oc) =>
          oc.columns(['org_id', 'id']).doUpdateSet((eb) => ({
            version: eb.ref('excluded.version'),
            seq: eb.ref('excluded.seq'),
            type: eb.ref('excluded.type'),
            title: eb.ref('excluded.title'),
            owner: eb.ref('excluded.owner'),
            shortcut: eb.ref('excluded.shortcut'),
            review_by: eb.ref('excluded.review_by'),
            expires: eb.ref('excluded.expires'),
            item: eb.ref('excluded.item'),
            updated_at: eb.ref('excluded.updated_at'),
            deleted_at: eb.ref('excluded.deleted_at'),
          })),
        )
        .execute();
    }
    if (seq !== org.library_seq) {
      await trx.updateTable('orgs').set({ library_seq: seq }).where('id', '=', orgId).execute();
    }
    return summary;
  });
}

/**
 * Takes the org's library for writing until the transaction ends, and reads its last change
 * sequence number. Every write that hands out sequence numbers starts with this.
 *
 * Why the cursor never skips a change: a client pages through changes with `seq > cursor`,
 * so a change committed after a client read past its sequence number would be lost to that
 * client. That happens when numbers are handed out in one order and committed in another
 * (two writers: A takes 11, B takes 12, B commits, a client reads up to 12, A commits 11).
 * Here numbers are handed out only under the org row's lock, held until commit, so the next
 * writer reads library_seq after the previous one committed: sequence order is commit order,
 * and every change a reader has not seen yet has a number above everything it has seen.
 * PostgreSQL: the UPDATE takes the row lock (FOR NO KEY UPDATE, which event inserts, holding
 * only a key-share lock for their foreign key, do not wait for), and a second instance's
 * import waits here. SQLite: the UPDATE takes the database's single write lock first thing,
 * before any read, so the transaction cannot fail to upgrade a read snapshot later.
 */
export async function lockLibrary(trx: Transaction<Database>, orgId: string): Promise<{ library_seq: number }> {
  return trx
    .updateTable('orgs')
    .set((eb) => ({ library_seq: eb.ref('library_seq') }))
    .where('id', '=', orgId)
    .returning('library_seq')
    .executeTakeFirstOrThrow();
}

function itemRow(orgId: string, item: ContentItem, json: string, version: number, seq: number, now: string): Insertable<ContentItemTable> {
  return {
    org_id: orgId,
    id: item.id,
    version,
    seq,
    type: item.type,
    title: item.title,
    owner: item.owner,
    shortcut: item.shortcut ?? null,
    review_by: item.review_by ?? null,
    expires: item.expires ?? null,
    item: json,
    updated_at: now,
    deleted_at: null,
  };
}

/** The queried columns of a tombstone, read back from its stored item (best effort). */
function tombstoneColumns(stored: string): Pick<ContentItemTable, 'type' | 'title' | 'owner' | 'shortcut' | 'review_by' | 'expires'> {
  const item = parseStored(stored) ?? {};
  const text = (key: string) => (typeof item[key] === 'string' ? (item[key] as string) : null);
  return {
    type: text('type') ?? '',
    title: text('title') ?? '',
    owner: text('owner') ?? '',
    shortcut: text('shortcut'),
    review_by: text('review_by'),
    expires: text('expires'),
  };
}

function parseStored(stored: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(stored);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function sameItem(stored: string, json: string): boolean {
  const parsed = parseStored(stored);
  return parsed !== undefined && canonicalJson(parsed) === json;
}

export interface LibraryChange {
  id: string;
  version: number;
  seq: number;
  /** The stored item JSON; null for a tombstone. */
  item: string | null;
  updated_at: string;
}

export interface LibraryChanges {
  changes: LibraryChange[];
  hasMore: boolean;
  /** Changes after this page. */
  remaining: number;
}

/**
 * What changed in the org's library after change sequence number `afterSeq`, oldest first.
 * Without a cursor a client has nothing to delete, so tombstones are left out.
 */
export async function libraryChanges(
  db: Kysely<Database>,
  orgId: string,
  options: { afterSeq: number; limit: number; withTombstones: boolean },
): Promise<LibraryChanges> {
  const since = (after: number) =>
    db
      .selectFrom('content_items')
      .where('org_id', '=', orgId)
      .where('seq', '>', after)
      .$if(!options.withTombstones, (q) => q.where('deleted_at', 'is', null));

  const rows = await since(options.afterSeq)
    .select(['id', 'version', 'seq', 'item', 'updated_at', 'deleted_at'])
    .orderBy('seq')
    .limit(options.limit + 1)
    .execute();
  const hasMore = rows.length > options.limit;
  const page = rows.slice(0, options.limit);
  let remaining = 0;
  if (hasMore) {
    const last = page[page.length - 1]!.seq;
    const counted = await since(last)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    remaining = Number(counted.n);
  }
  return {
    changes: page.map((r) => ({
      id: r.id,
      version: r.version,
      seq: r.seq,
      item: r.deleted_at === null ? r.item : null,
      updated_at: r.updated_at,
    })),
    hasMore,
    remaining,
  };
}

/** The org's live items as stored, by id, for export. */
export async function liveItems(db: Kysely<Database>, orgId: string): Promise<{ id: string; item: string }[]> {
  return db.selectFrom('content_items').select(['id', 'item']).where('org_id', '=', orgId).where('deleted_at', 'is', null).orderBy('id').execute();
}
