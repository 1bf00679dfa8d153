import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openFixture } from '../../fixtures/serve';
import { watchContentWorld } from '../support/browser-content-world';
import { scriptTimePerBurst, summarise } from '../support/browser-host-cost';
import { profileBursts } from '../support/browser-host-profile';
import { readStore } from '../../e2e/support/idb';
import { contentContext, launchAttackSession, tabIdOf, until, type AttackSession } from '../support/browser-session';
import { quiverBurst } from '../support/browser-thread-burst';
import { recordFigures, type Figure } from '../support/figures';

/*
 * Item 8: what the content script costs the page it runs in. On the saved Gmail thread, served
 * at its real URL, a long thread renders — 300 message nodes in one task, right after the app
 * navigated to it (when the script watches the whole page settle), and again as the open
 * thread re-renders in place — and Chromium's script-time counter says how long scripts ran
 * per burst; the same bursts on the same page at a host the manifest does not match show the
 * counter stays at zero without the content script. Budget: 5 ms per burst. On pages Quiver
 * does not support the script is not there at all (no execution context of the extension).
 */

const BURSTS = Number(process.env.QUIVER_HOST_BURSTS ?? 5);
const MESSAGES = 300;
// The script reads after a 150 ms pause, when the page is idle, within a second at most.
const SETTLE_MS = 1300;
const BUDGET_MS = 5;
const GMAIL_HTML = readFileSync(path.resolve(__dirname, '../../fixtures/gmail-thread-reply.html'), 'utf8');

let session: AttackSession;
const figures: Figure[] = [];

beforeAll(async () => {
  session = await launchAttackSession();
  await until(
    () => readStore(session.seat, 'items'),
    (rows) => rows.length > 0,
    'the demo library',
  );
});
afterAll(async () => {
  recordFigures(figures);
  await session?.close();
});

/** Serves `html` for `url`'s whole origin, as openFixture does for a fixture's real URL. */
async function serveAt(url: string, html: string): Promise<Page> {
  await session.context.route(`${new URL(url).origin}/**`, (route) =>
    route.request().resourceType() === 'document'
      ? route.fulfill({ contentType: 'text/html; charset=utf-8', body: html })
      : route.fulfill({ status: 204, body: '' }),
  );
  const page = await session.context.newPage();
  await page.goto(url);
  return page;
}

const burst = (navigate: boolean) => (page: Page, round: number) => page.evaluate(quiverBurst, { messages: MESSAGES, navigate, round });

test(`a long Gmail thread rendering: the content script's time per burst, as a figure (budget ${BUDGET_MS} ms)`, async () => {
  const gmail = await openFixture(session, 'gmail-thread-reply.html');
  const tabId = await tabIdOf(session.seat, gmail.url());
  // One burst first, so the script's code is compiled before it is timed.
  await burst(true)(gmail, 99);
  await gmail.waitForTimeout(SETTLE_MS);

  const opened = await scriptTimePerBurst(session, gmail, burst(true), { bursts: BURSTS, settleMs: SETTLE_MS });
  // The script did read the new thread: the time measured is that of a real read.
  expect(await contentContext(session.seat, tabId)).toMatchObject({ site: 'gmail', threadLength: MESSAGES });
  // Re-rendered in place once the page has settled (the script watches the whole page for 4 s
  // after a navigation, then only the composes).
  await gmail.waitForTimeout(3200);
  const inPlace = await scriptTimePerBurst(session, gmail, burst(false), { bursts: 2, settleMs: SETTLE_MS });

  const o = summarise(opened);
  console.log(
    `script time per burst of ${MESSAGES} messages: ${JSON.stringify(opened)} ms after navigating, ${JSON.stringify(inPlace)} ms re-rendered in place`,
  );
  figures.push(
    {
      item: '8',
      name: `Gmail, a ${MESSAGES}-message thread rendered after navigating · content script per burst, median of ${BURSTS}`,
      value: o.median,
      unit: 'ms',
      atMost: BUDGET_MS,
    },
    {
      item: '8',
      name: `Gmail, a ${MESSAGES}-message thread rendered after navigating · content script per burst, worst of ${BURSTS}`,
      value: o.max,
      unit: 'ms',
    },
    {
      item: '8',
      name: `Gmail, the ${MESSAGES}-message thread re-rendered in place once settled · content script per burst, worst`,
      value: Math.max(...inPlace),
      unit: 'ms',
      atMost: BUDGET_MS,
    },
  );
  if (o.median > BUDGET_MS) {
    const where = await profileBursts(session, gmail, burst(true), { bursts: 3, settleMs: SETTLE_MS });
    console.log('where the time went:', JSON.stringify(where, null, 1));
  }
  // The budget is judged by `npm run reliability` from the figures above, never here: a timing
  // asserted in npm test fails on a busy machine.
  expect(opened).toHaveLength(BURSTS);
  await gmail.close();
});

test('on pages Quiver does not support the content script is not there, and costs nothing', async () => {
  const pages = {
    // Positive control: the same watch finds the script where it belongs.
    gmail: await openFixture(session, 'gmail-thread-reply.html'),
    'example.com': await serveAt('https://example.com/', '<!doctype html><title>Example Domain</title><h1>Example Domain</h1>'),
    'Gmail’s page on another host': await serveAt('https://mail.example.test/mail/u/0/#inbox/FMfcgzQZTzXbDcWkpQlSjbVhGWwLnCqH', GMAIL_HTML),
  };
  const worlds: Record<string, number> = {};
  for (const [name, page] of Object.entries(pages)) {
    const world = await watchContentWorld(session, page);
    // Loaded means document_idle has passed; give the browser a moment to inject anyway.
    await page.waitForTimeout(800);
    worlds[name] = world.contexts().length;
    await world.detach();
  }
  expect(worlds.gmail).toBeGreaterThan(0);
  const elsewhere = worlds['example.com']! + worlds['Gmail’s page on another host']!;
  // The same long thread rendering there: no extension, and the counter shows only the floor
  // of the burst's own timer — the control that the burst itself is left out of it.
  const floor = Math.max(...(await scriptTimePerBurst(session, pages['Gmail’s page on another host'], burst(true), { bursts: 2, settleMs: SETTLE_MS })));
  figures.push(
    {
      item: '8',
      name: 'unsupported pages (example.com, Gmail’s page on another host) · extension execution contexts',
      value: elsewhere,
      atLeast: 0,
      atMost: 0,
    },
    {
      item: '8',
      name: `unsupported pages · script time during ${MESSAGES}-message bursts (no extension: the counter's floor)`,
      value: floor,
      unit: 'ms',
      atMost: 0.1,
    },
  );
  expect(elsewhere).toBe(0);
});
