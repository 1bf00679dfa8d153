import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openFixture, openPanel } from '../fixtures/serve';
import { launchExtension, type ExtensionSession } from './support/extension';
import { PROFILE, pressPaletteCommand, setProfile, usageEvents, waitForLibrary } from './support/keyboard';
import { result, waitForLibrary as waitForResults } from './support/panel';

/*
 * One insert, one stage: the same item put into the same LinkedIn conversation by the three
 * ways a rep has — a typed shortcut, the quick palette and the side panel — is counted under
 * the same journey stage. A conversation under way suggests Interest, and the item (an answer
 * to "no time right now") is meant for Awareness and Interest: all three count Interest, not
 * the item's first stage.
 */

const ITEM = 'objection-no-time-now';

let session: ExtensionSession;
let linkedin: Page;
beforeAll(async () => {
  session = await launchExtension();
  await waitForLibrary(session);
  await setProfile(session, PROFILE);
  linkedin = await openFixture(session, 'linkedin-messaging.html');
});
afterAll(async () => {
  await session?.close();
});

const box = () => linkedin.locator('.msg-form__contenteditable');
const usesOfItem = async () => (await usageEvents(session)).filter((e) => e.contentId === ITEM) as { kind: string; stage?: string; site?: string }[];

test('a shortcut, the palette and the side panel count the same insert under the same stage', async () => {
  // 1. The shortcut.
  await box().click();
  await linkedin.keyboard.type(';notime', { delay: 25 });
  await linkedin.keyboard.press('Tab');
  await expect.poll(() => box().innerText()).not.toContain(';notime');
  await expect.poll(async () => (await usesOfItem()).map((e) => e.kind)).toEqual(['expand_shortcut']);

  // 2. The palette.
  await box().click();
  await linkedin.keyboard.press('End');
  await pressPaletteCommand(session, linkedin);
  const dialog = linkedin.getByRole('dialog', { name: 'Quiver' });
  const search = dialog.getByRole('combobox', { name: 'Search content' });
  await search.waitFor({ timeout: 10_000 });
  await search.fill('');
  await linkedin.keyboard.type('no time right now', { delay: 10 });
  await expect.poll(() => dialog.getByRole('option').first().textContent(), { timeout: 5000 }).toMatch(/^Objection: no time right now/);
  await linkedin.keyboard.press('Enter');
  await expect.poll(async () => (await usesOfItem()).map((e) => e.kind)).toEqual(['expand_shortcut', 'insert']);

  // 3. The side panel, with no stage filter (the page's stage only ranks).
  const { page: panel } = await openPanel(session, linkedin);
  await waitForResults(panel);
  await panel.getByText(/^Interest first — /).waitFor();
  await panel.getByRole('searchbox', { name: 'Search content' }).fill('no time right now');
  await result(panel, /^Objection: no time right now/)
    .getByRole('button', { name: 'Insert' })
    .click();
  await expect.poll(() => panel.getByRole('status').innerText()).toMatch(/^Inserted/);

  await expect
    .poll(async () => (await usesOfItem()).map((e) => [e.kind, e.stage, e.site]))
    .toEqual([
      ['expand_shortcut', 'interest', 'linkedin'],
      ['insert', 'interest', 'linkedin'],
      ['insert', 'interest', 'linkedin'],
    ]);
});
