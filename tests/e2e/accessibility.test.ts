import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openFixture, openPanel } from '../fixtures/serve';
import { seriousViolations } from './support/axe';
import { launchExtension, type ExtensionSession } from './support/extension';
import { PROFILE, pressPaletteCommand, setProfile, waitForLibrary } from './support/keyboard';
import { waitForLibrary as waitForResults } from './support/panel';

/*
 * axe-core over every page a rep or a manager reads, in both themes and both languages: no
 * serious or critical violation. The palette is checked inside its own shadow root, on the
 * saved Gmail page (the page's own markup is Gmail's, not ours).
 */

const THEMES = ['light', 'dark'] as const;

async function expectAccessible(page: Page, what: string, include?: string) {
  for (const colorScheme of THEMES) {
    await page.emulateMedia({ colorScheme });
    const violations = await seriousViolations(page, include);
    expect(violations, `${what} in the ${colorScheme} theme`).toEqual([]);
  }
}

for (const lang of ['en-US', 'ru'] as const) {
  describe(`axe, ${lang}`, () => {
    let session: ExtensionSession;
    beforeAll(async () => {
      session = await launchExtension({ lang });
      await waitForLibrary(session);
    });
    afterAll(async () => {
      await session?.close();
    });

    test('the side panel, bound to a Gmail compose, with a preview open', async () => {
      const gmail = await openFixture(session, 'gmail-inbox-compose.html');
      const { page } = await openPanel(session, gmail);
      await waitForResults(page).catch(async () => {
        // In Russian the list has another name: any result will do.
        await page.locator('.results li').first().waitFor({ timeout: 20_000 });
      });
      await page.locator('.results .result-title').first().click();
      await page.locator('.preview').waitFor();
      await expectAccessible(page, 'side panel');
      // An expired item, with its line and disabled buttons.
      await page.locator('input[type="search"]').fill('Q3 2026');
      await page.locator('.expired-line').first().waitFor();
      await expectAccessible(page, 'side panel with an expired item');
    });

    test('the quick palette', async () => {
      const gmail = await openFixture(session, 'gmail-inbox-compose.html');
      await gmail.locator('[id=":tn"] > div').first().click();
      await pressPaletteCommand(session, gmail);
      await gmail.locator('quiver-palette').waitFor({ state: 'attached', timeout: 10_000 });
      await expect.poll(() => gmail.locator('quiver-palette [role="option"]').count()).toBeGreaterThan(0);
      await expectAccessible(gmail, 'palette', 'quiver-palette');
    });

    test.each(['options.html', 'dashboard.html', 'welcome.html'])('%s', async (path) => {
      const page = await session.openPage(path);
      await page.locator('h1').first().waitFor();
      await page.waitForLoadState('networkidle');
      await expectAccessible(page, path);
    });
  });
}

describe('keyboard alone, with visible focus', () => {
  let session: ExtensionSession;
  beforeAll(async () => {
    session = await launchExtension();
    await waitForLibrary(session);
    await setProfile(session, PROFILE);
  });
  afterAll(async () => {
    await session?.close();
  });

  /** The focused element's outline, as drawn: a keyboard user must see where they are. */
  const focusOutline = (page: Page) =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const style = getComputedStyle(el);
      return { label: el.getAttribute('aria-label') ?? el.textContent?.trim() ?? '', outline: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });

  test('the side panel: search, stage toggle, results, preview and Insert by keyboard', async () => {
    const gmail = await openFixture(session, 'gmail-inbox-compose.html');
    await gmail.locator('[id=":tn"] > div').first().click();
    const { page } = await openPanel(session, gmail);
    await waitForResults(page);
    const search = page.getByRole('searchbox', { name: 'Search content' });
    await search.focus();
    // Tab to the first stage toggle, and press it with the space bar.
    let reached = '';
    for (let i = 0; i < 20 && reached !== 'Awareness'; i++) {
      await page.keyboard.press('Tab');
      reached = (await focusOutline(page)).label;
    }
    expect(reached).toBe('Awareness');
    const focus = await focusOutline(page);
    expect(focus.outline).not.toBe('none');
    expect(focus.width).toBeGreaterThanOrEqual(2);
    await page.keyboard.press('Space');
    expect(await page.getByRole('button', { name: 'Awareness', exact: true }).getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('Space');
    // Back to the search box, type, arrow into the results, open a preview, Tab to Insert.
    await search.focus();
    await page.keyboard.type('demo follow-up');
    await expect.poll(() => page.locator('.results .result-title').first().innerText()).toMatch(/^Demo follow-up/);
    await page.keyboard.press('ArrowDown');
    expect((await focusOutline(page)).outline).not.toBe('none');
    await page.keyboard.press('Enter');
    await page.locator('.results .preview').first().waitFor();
    let onInsert = false;
    for (let i = 0; i < 6 && !onInsert; i++) {
      await page.keyboard.press('Tab');
      onInsert = (await focusOutline(page)).label === 'Insert';
    }
    expect(onInsert).toBe(true);
    expect((await focusOutline(page)).outline).not.toBe('none');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('status').innerText()).toMatch(/^Inserted/);
    expect(await gmail.locator('#compose-2 [g_editable="true"]').innerText()).toMatch(/Thanks for the time today/);
  });
});
