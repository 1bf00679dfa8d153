import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { recordUsed } from '../../../lib/background/content-requests';
import { QuiverDb, seedDemoLibrary, type StoredItem } from '../../../lib/db';
import { renderForPage } from '../../../lib/delivery/render-for-page';
import { itemEvent, stageOfUse } from '../../../lib/delivery/usage-event';
import type { UsageEvent } from '../../../lib/schema/events';
import type { PageContext } from '../../../lib/schema/page-context';
import { sampleItems } from '../support/items';

/*
 * The one delivery path (lib/delivery/): refuse what expired, render for the page, and count
 * each use under one stage — the rule, and the background's side of the palette and shortcut
 * paths. The side panel's side is in tests/unit/panel/side-panel.test.tsx.
 */

const TODAY = '2026-05-01';
const items = Object.fromEntries(sampleItems().map((i) => [i.id, i as StoredItem]));
const profile = { fullName: 'Sam Carter', title: 'AE', company: 'Routewise', email: 'sam@routewise.example' };

/** A Gmail reply deep in a thread: the page says the buyer engages. */
const longThread: PageContext = {
  site: 'gmail',
  supported: true,
  pageKind: 'thread',
  url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgz',
  isReply: true,
  threadLength: 6,
  recipients: [{ fullName: 'Dana Whitfield', email: 'dana@northwind-logistics.com' }],
  editor: { kind: 'rich', label: 'Message Body' },
};
/** A new email: the page says awareness. */
const newEmail: PageContext = { ...longThread, pageKind: 'compose', isReply: false, threadLength: undefined };

describe('the stage a use is counted under', () => {
  const caseStudy = items['nordhafen-case-study']!; // interest, engagement
  test('the working stage when the item is meant for it', () => {
    expect(stageOfUse(caseStudy, 'engagement')).toBe('engagement');
  });
  test('else the item’s first stage', () => {
    expect(stageOfUse(caseStudy, 'advocacy')).toBe('interest');
    expect(stageOfUse(caseStudy, undefined)).toBe('interest');
  });
  test('the event carries it, the page it happened on, and whether the item was stale', () => {
    expect(itemEvent(items['old-deck']!, { kind: 'copy_link', context: longThread, workingStage: 'interest', today: TODAY, timeToContentMs: 1200 })).toEqual({
      kind: 'copy_link',
      contentId: 'old-deck',
      contentType: 'deck',
      stage: 'interest',
      site: 'gmail',
      pageKind: 'thread',
      timeToContentMs: 1200,
      stale: true,
    });
    const unsupported = { ...longThread, supported: false };
    expect(itemEvent(caseStudy, { kind: 'preview', context: unsupported, workingStage: undefined, today: TODAY })).toEqual({
      kind: 'preview',
      contentId: 'nordhafen-case-study',
      contentType: 'case_study',
      stage: 'interest',
    });
  });
});

describe('rendering for the page', () => {
  test('an expired item is refused, saying until when and whom to ask', () => {
    expect(renderForPage(items.promo!, { context: newEmail, profile, today: TODAY })).toEqual({
      ok: false,
      reason: 'expired',
      message: 'Expired on 2001-09-30: it can no longer be inserted or copied. Ask paulo.reis@routewise.example for a current version.',
    });
  });
  test('the page’s prospect, the rep’s profile and typed values fill the variables', () => {
    const rendered = renderForPage(items['cold-intro']!, { context: { ...newEmail, company: 'Northwind' }, profile, today: TODAY });
    expect(rendered).toMatchObject({ ok: true, missing: [], stale: false, payload: { subject: 'Empty miles at Northwind' } });
    expect(rendered.ok && rendered.payload.text).toBe('Hi Dana,\n\nWe cut empty miles.\n\nSam Carter');
    const referral = items['referral-ask']!;
    expect(renderForPage(referral, { context: newEmail, profile, today: TODAY })).toMatchObject({ ok: true, missing: ['company'] });
    expect(renderForPage(referral, { context: newEmail, profile, typed: { company: '  ' }, today: TODAY })).toMatchObject({ missing: ['company'] });
    const filled = renderForPage(referral, { context: newEmail, profile, typed: { company: 'Acme', evil: 'x' }, today: TODAY });
    expect(filled.ok && filled.payload.text).toBe('Hi Dana, would Acme introduce us to a peer?');
  });
});

describe('what goes out from a page (palette, shortcut) is counted as the panel counts it', () => {
  let db: QuiverDb;
  beforeEach(async () => {
    db = new QuiverDb(`delivery-${Math.random()}`);
    await seedDemoLibrary(db, sampleItems());
  });
  afterEach(async () => {
    await db.delete();
  });
  const events = async () => (await db.outbox.toArray()).map((row) => row.event as UsageEvent);

  test.each(['palette', 'shortcut'] as const)('%s: under the stage the page suggests, when the item is meant for it', async (via) => {
    await recordUsed({ type: 'content->bg:used', id: 'nordhafen-case-study', via, context: longThread }, { db, today: TODAY });
    await recordUsed({ type: 'content->bg:used', id: 'nordhafen-case-study', via, context: newEmail, timeToContentMs: 900 }, { db, today: TODAY });
    expect(await events()).toMatchObject([
      { kind: via === 'palette' ? 'insert' : 'expand_shortcut', contentId: 'nordhafen-case-study', stage: 'engagement', site: 'gmail', pageKind: 'thread' },
      // A new email suggests awareness, which the case study is not for: its first stage.
      { stage: 'interest', pageKind: 'compose', timeToContentMs: 900 },
    ]);
  });

  test('an item no longer in the library records nothing', async () => {
    await recordUsed({ type: 'content->bg:used', id: 'gone', via: 'palette', context: longThread }, { db, today: TODAY });
    expect(await events()).toEqual([]);
  });
});
