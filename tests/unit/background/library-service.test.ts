import { afterEach, beforeEach, expect, test } from 'vitest';
import { LibraryService } from '../../../lib/background/library-service';
import { QuiverDb, seedDemoLibrary } from '../../../lib/db';
import type { PageContext } from '../../../lib/schema/page-context';
import { settingsSchema } from '../../../lib/settings';
import { sampleItems } from '../support/items';

let db: QuiverDb;
let service: LibraryService;
const settings = settingsSchema.parse({ profile: { fullName: 'Sam Carter', title: 'AE', company: 'Routewise', email: 'sam@routewise.example' } });
const gmail: PageContext = {
  site: 'gmail',
  supported: true,
  pageKind: 'compose',
  url: 'https://mail.google.com/mail/u/0/#inbox?compose=new',
  recipients: [{ fullName: 'Dana Whitfield', email: 'dana@northwind-logistics.com' }],
  company: 'Northwind Logistics',
  editor: { kind: 'rich', label: 'Message Body' },
};

beforeEach(async () => {
  db = new QuiverDb(`svc-${Math.random()}`);
  service = new LibraryService(db);
  await seedDemoLibrary(db, sampleItems());
});
afterEach(async () => {
  await db.delete();
});

test('a shortcut renders with the page context and the rep profile', async () => {
  const reply = await service.render({ shortcut: 'INTRO' }, gmail, settings);
  expect(reply).toMatchObject({ ok: true, id: 'cold-intro', missing: [], stale: false });
  if (!reply.ok) return;
  expect(reply.payload.text).toBe('Hi Dana,\n\nWe cut empty miles.\n\nSam Carter');
  expect(reply.payload.subject).toBe('Empty miles at Northwind Logistics');
});

test('an expired item is refused with the reason and its owner', async () => {
  const reply = await service.render({ id: 'promo' }, gmail, settings);
  expect(reply).toEqual({
    ok: false,
    reason: 'expired',
    message: 'Expired on 2001-09-30: it can no longer be inserted or copied. Ask paulo.reis@routewise.example for a current version.',
  });
});

test('missing values are listed with labels, and typed values fill them', async () => {
  const first = await service.render({ id: 'referral-ask' }, { ...gmail, company: undefined }, settings);
  expect(first.ok && first.missing).toEqual([{ name: 'company', label: 'Company' }]);
  const second = await service.render({ id: 'referral-ask' }, { ...gmail, company: undefined }, settings, { company: 'Acme' });
  expect(second.ok && second.payload.text).toBe('Hi Dana, would Acme introduce us to a peer?');
});

test('palette search lists items without their bodies and sees library changes', async () => {
  const hits = await service.search({ query: 'nordhafen', stages: [], types: [], limit: 5 });
  expect(hits[0]).toMatchObject({ id: 'nordhafen-case-study', title: 'Nordhafen Logistik cut empty miles 18%', stale: false, expired: false });
  expect(hits[0]).not.toHaveProperty('body');
  await seedDemoLibrary(
    db,
    sampleItems().filter((i) => i.id !== 'nordhafen-case-study'),
  );
  expect((await service.search({ query: 'nordhafen', stages: [], types: [], limit: 5 })).map((h) => h.id)).not.toContain('nordhafen-case-study');
});

test('the shortcut list carries the configured trigger', async () => {
  expect(await service.shortcuts(settings)).toEqual({ prefix: ';', key: 'Tab', shortcuts: ['intro'] });
});
