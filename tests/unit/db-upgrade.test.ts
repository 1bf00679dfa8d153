import Dexie from 'dexie';
import { afterEach, describe, expect, test } from 'vitest';
import { getMeta, QuiverDb, type StoredItem } from '../../lib/db';
import { enqueueEvents, outboxStats } from '../../lib/events/outbox';
import { newEvent } from '../../lib/events/track';
import { SYNC_META } from '../../lib/sync/sync-state';
import { sampleItems } from './support/items';

/*
 * A rep's browser keeps the database of whatever Quiver version last ran. Opening it with
 * today's QuiverDb must upgrade it in place with everything in it: the cached library and its
 * sync cursor (or the next sync would start over), the queued usage events in their order
 * (or they would be lost or sent twice), the rep's usage counts. Each earlier schema is
 * written here as it shipped, filled with data, then opened with the current code
 * (fake-indexeddb, Dexie's real upgrade path).
 */

/** Every schema QuiverDb has shipped, by version, as lib/db.ts declared it then. */
const EARLIER_SCHEMAS: Record<number, Record<string, string>> = {
  1: {
    items: 'id, *stages, type, shortcut, updated_at',
    meta: 'key',
    usage: 'id, lastUsedAt',
    outbox: '++seq, &id, at',
  },
  // Each later version lists only what it adds, as lib/db.ts does.
  2: { history: 'id, at' },
};

const opened: Dexie[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

const current = new QuiverDb('version-probe');
const CURRENT_VERSION = current.verno;
current.close();

/** A database as version `v` of Quiver left it: a synced library, queued events, usage counts. */
async function populate(name: string, v: number) {
  const old = new Dexie(name);
  for (let i = 1; i <= v; i += 1) if (EARLIER_SCHEMAS[i]) old.version(i).stores(EARLIER_SCHEMAS[i]!);
  await old.open();
  const items: StoredItem[] = sampleItems().map((item, i) => ({ ...item, version: i + 3, updated_at: `2026-11-0${i + 1}T10:00:00.000Z` }));
  const events = Array.from({ length: 30 }, (_, i) =>
    newEvent({
      kind: 'insert',
      contentId: items[i % items.length]!.id,
      contentType: items[i % items.length]!.type,
      stage: 'interest',
      site: 'gmail',
      pageKind: 'compose',
    }),
  );
  await old.table('items').bulkPut(items);
  await old.table('meta').bulkPut([
    { key: SYNC_META.cursor, value: 'cursor-after-page-7' },
    { key: SYNC_META.source, value: 'server' },
    { key: SYNC_META.sourceKey, value: 'https://quiver.example|token-digest' },
    { key: 'outboxDropped', value: 4 },
  ]);
  await old.table('usage').bulkPut([{ id: items[0]!.id, uses: 7, lastUsedAt: 1_764_000_000_000 }]);
  await old.table('outbox').bulkAdd(events.map((event) => ({ id: event.id, at: event.at, event })));
  old.close();
  return { items, events };
}

describe('the extension database upgrades from every earlier version with its data', () => {
  test('every version before the current one has its schema here', () => {
    // Adding version N to lib/db.ts means adding version N-1's schema above, so it is tested.
    const earlier = Array.from({ length: CURRENT_VERSION - 1 }, (_, i) => i + 1);
    expect(earlier.length).toBeGreaterThan(0);
    expect(Object.keys(EARLIER_SCHEMAS).map(Number)).toEqual(earlier);
  });

  for (const v of Object.keys(EARLIER_SCHEMAS).map(Number)) {
    test(`from version ${v}: library, cursor, queued events and usage survive, and every table works`, async () => {
      const name = `upgrade-from-${v}-${crypto.randomUUID()}`;
      const { items, events } = await populate(name, v);

      const db = new QuiverDb(name);
      opened.push(db);
      await db.open();
      expect(db.verno).toBe(CURRENT_VERSION);

      // The cached library, item for item, and its indexes answer.
      expect(await db.items.orderBy('id').toArray()).toEqual([...items].sort((a, b) => a.id.localeCompare(b.id)));
      expect((await db.items.where('stages').equals('interest').primaryKeys()).sort()).toEqual(
        items
          .filter((i) => i.stages.includes('interest'))
          .map((i) => i.id)
          .sort(),
      );
      expect(await db.items.where('shortcut').equals('intro').count()).toBe(1);
      // The next sync goes on from the stored cursor, for the same server.
      expect(await getMeta(db, SYNC_META.cursor)).toBe('cursor-after-page-7');
      expect(await getMeta(db, SYNC_META.sourceKey)).toBe('https://quiver.example|token-digest');
      // The queued events, in the order they were queued, and the count of dropped ones.
      expect((await db.outbox.orderBy('seq').toArray()).map((r) => r.id)).toEqual(events.map((e) => e.id));
      expect(await outboxStats(db)).toEqual({ queued: 30, dropped: 4 });
      expect(await db.usage.get(items[0]!.id)).toEqual({ id: items[0]!.id, uses: 7, lastUsedAt: 1_764_000_000_000 });

      // New events queue behind the old ones; tables added since are there and take writes.
      const later = newEvent({ kind: 'copy', contentId: items[1]!.id, contentType: items[1]!.type, stage: 'engagement', site: 'gmail', pageKind: 'compose' });
      await enqueueEvents(db, [later]);
      expect((await db.outbox.orderBy('seq').last())?.id).toBe(later.id);
      await db.history.put({ id: events[0]!.id, at: events[0]!.at, event: events[0] });
      expect(await db.history.where('at').equals(events[0]!.at).count()).toBe(1);
    });
  }
});
