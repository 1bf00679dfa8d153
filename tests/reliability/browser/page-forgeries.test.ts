import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openFixture } from '../../fixtures/serve';
import { outboxIds, readStore } from '../../e2e/support/idb';
import { watchContentWorld, type ContentWorld } from '../support/browser-content-world';
import { forgeInPage, pageForgeries, type Forgery } from '../support/browser-page-forgeries';
import { armSentinel, readTripwires } from '../support/browser-sentinel';
import { contentContext, launchAttackSession, tabIdOf, until, type AttackSession } from '../support/browser-session';
import { recordFigures } from '../support/figures';

/*
 * Item 1, what a web page can forge: window messages, CustomEvents (WXT's own among them),
 * DOM made to look like Quiver's, and the rep's input faked with synthetic events, on a
 * supported site's page (Gmail). Quiver must act on none of it: its content script keeps
 * running and answering, its button stays its own, no shortcut expands, no panel opens, no
 * usage event is recorded, and a forged focus does not move where Insert goes.
 */

const COUNT = Number(process.env.QUIVER_FORGERY_CASES ?? 400);
const SEED = Number(process.env.QUIVER_FORGERY_SEED ?? Date.now() % 2 ** 31);

let session: AttackSession;
let gmail: Page;
let world: ContentWorld;
let tabId: number;

beforeAll(async () => {
  console.log(`page forgeries: seed ${SEED} (QUIVER_FORGERY_SEED=${SEED} repeats this run)`);
  session = await launchAttackSession();
  await until(
    () => readStore(session.seat, 'items'),
    (rows) => rows.length > 0,
    'the demo library',
  );
  gmail = await openFixture(session, 'gmail-thread-reply.html');
  await armSentinel(gmail);
  tabId = await tabIdOf(session.seat, gmail.url());
  world = await watchContentWorld(session, gmail);
  // The shortcut list is in the content script's hands before the first forged Tab.
  await gmail.waitForTimeout(500);
});
afterAll(async () => {
  await world?.detach();
  await session?.close();
});

/** Side panels the browser has open (each is a page target of the extension). */
async function openPanels(): Promise<string[]> {
  const { targetInfos } = (await session.cdp.send('Target.getTargets')) as { targetInfos: { url: string }[] };
  return targetInfos.map((t) => t.url).filter((url) => url.includes('/sidepanel.html'));
}

/** Quiver's own button in the reply, as the rep sees it: its host, not a look-alike. */
const genuineButtons = () =>
  gmail.evaluate(() =>
    [...document.querySelectorAll('.quiver-button-host')].map((host) => ({
      forged: host.hasAttribute('data-forged'),
      label: host.shadowRoot?.querySelector('button')?.getAttribute('aria-label') ?? null,
    })),
  );

test('nothing a web page forges makes Quiver act', async () => {
  const forgeries = pageForgeries(COUNT, SEED);
  const kinds = (k: Forgery['kind']) => forgeries.filter((f) => f.kind === k).length;
  for (const kind of ['post-message', 'custom-event', 'fake-button', 'quiver-attributes', 'forged-shortcut', 'forged-click', 'forged-focus'] as const) {
    expect(kinds(kind), `forgeries of kind ${kind}`).toBeGreaterThan(5);
  }
  const outboxBefore = await outboxIds(session.seat);
  let stopped = 0;
  for (let i = 0; i < forgeries.length; i += 20) {
    await gmail.evaluate(forgeInPage, { forgeries: forgeries.slice(i, i + 20), extensionId: session.extensionId });
    // Let the content script see the page settle (its reads are debounced) before asking it.
    await gmail.waitForTimeout(200);
    if ((await contentContext(session.seat, tabId))?.site !== 'gmail') stopped += 1;
  }
  await gmail.waitForTimeout(1500);

  const typed = await gmail.evaluate(
    () => [...document.querySelectorAll('[g_editable="true"] div')].filter((d) => /^forged ;/.test(d.textContent ?? '')).length,
  );
  const acted = {
    // Each typed shortcut is still there as typed: none was expanded.
    expanded: kinds('forged-shortcut') - typed,
    recorded: (await outboxIds(session.seat)).filter((id) => !outboxBefore.includes(id)).length,
    panels: (await openPanels()).length,
    buttonsTakenOver: (await genuineButtons()).filter((b) => b.forged).length,
    ran: (await readTripwires(gmail)).ran.length,
  };
  const actedOn = Object.values(acted).reduce((a, b) => a + b, 0);
  recordFigures([
    { item: '1', name: 'web page forgeries (window messages, CustomEvents, DOM, synthetic input) · cases', value: forgeries.length, atLeast: 300 },
    { item: '1', name: 'web page forgeries · acted on', value: actedOn, atLeast: 0, atMost: 0 },
    { item: '1', name: 'web page forgeries · content script stopped', value: stopped, atLeast: 0, atMost: 0 },
  ]);
  expect(acted).toEqual({ expanded: 0, recorded: 0, panels: 0, buttonsTakenOver: 0, ran: 0 });
  expect(stopped).toBe(0);
  expect(await genuineButtons()).toEqual([{ forged: false, label: 'Open Quiver' }]);
  expect(await world.evaluate(`[({}).polluted, ({}).isAdmin].filter(Boolean).length`)).toBe(0);
});

test('a forged focus does not move where Insert goes: the editor the rep last focused gets it', async () => {
  const reply = gmail.locator('[g_editable="true"]');
  await reply.evaluate((el) => (el.innerHTML = '<div><br></div>'));
  // The rep clicks into the reply, then leaves it: no element of the page has focus.
  await reply.click();
  await reply.evaluate((el) => el.blur());
  expect(await gmail.evaluate(() => document.activeElement === document.body)).toBe(true);
  // The page claims focus moved to an editor of its own.
  await gmail.evaluate(forgeInPage, { forgeries: [{ kind: 'forged-focus' as const }], extensionId: session.extensionId });
  const answer = await session.seat.evaluate(
    ({ tabId }) =>
      (globalThis as unknown as { chrome: { tabs: { sendMessage(t: number, m: unknown, o: object): Promise<unknown> } } }).chrome.tabs.sendMessage(
        tabId,
        { type: 'panel->content:insert', payload: { html: '<p>Quiver insert</p>', text: 'Quiver insert' } },
        { frameId: 0 },
      ),
    { tabId },
  );
  expect(answer).toMatchObject({ ok: true });
  expect(await gmail.locator('#forged-decoy').innerText()).toBe('');
  expect(await reply.innerText()).toContain('Quiver insert');
});
