import { afterEach, beforeEach, expect, test } from 'vitest';
import { QuiverDb, getMeta, seedDemoLibrary, setMeta } from '../../lib/db';
import { demoLibrary } from './support/demo-library';

let db: QuiverDb;
beforeEach(() => {
  db = new QuiverDb(`seed-${Math.random()}`);
});
afterEach(async () => {
  await db.delete();
});

test('seeding the demo library twice changes nothing', async () => {
  const items = await demoLibrary();
  expect(await seedDemoLibrary(db, items)).toBe('seeded');
  const first = await db.items.orderBy('id').toArray();
  expect(first).toHaveLength(items.length);
  await seedDemoLibrary(db, items);
  expect(await db.items.orderBy('id').toArray()).toEqual(first);
  expect(await getMeta(db, 'librarySource')).toBe('demo');
});

test('items are indexed by stage and type', async () => {
  await seedDemoLibrary(db, await demoLibrary());
  const advocacy = await db.items.where('stages').equals('advocacy').toArray();
  expect(advocacy.length).toBeGreaterThan(0);
  expect(advocacy.every((i) => i.stages.includes('advocacy'))).toBe(true);
  const battlecards = await db.items.where('type').equals('battlecard').toArray();
  expect(battlecards.length).toBeGreaterThan(0);
  expect(battlecards.every((i) => i.type === 'battlecard')).toBe(true);
});

test('a newer demo library replaces the old one, removing items it no longer has', async () => {
  const items = await demoLibrary();
  await seedDemoLibrary(db, items);
  await seedDemoLibrary(db, items.slice(1));
  expect(await db.items.get(items[0]!.id)).toBeUndefined();
  expect(await db.items.count()).toBe(items.length - 1);
});

test('a cached server library is never replaced by the demo library', async () => {
  await db.items.put({ ...(await demoLibrary())[0]!, id: 'from-server', title: 'Server item' });
  await setMeta(db, 'librarySource', 'server');
  expect(await seedDemoLibrary(db, await demoLibrary())).toBe('skipped');
  expect(await db.items.count()).toBe(1);
});
