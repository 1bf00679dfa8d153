import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { launchFirefox, pressInBrowserWindow, role, textOf, waitFor, type FirefoxSession } from './support/firefox';

/*
 * The Firefox build, for real, in Firefox ESR: the sidebar opens, a search finds an item, and
 * Insert reaches a saved Gmail page served under its real URL.
 */

let ff: FirefoxSession;
beforeAll(async () => {
  ff = await launchFirefox();
});
afterEach(async () => {
  // Every tab but one (a window needs a tab), and no sidebar: each test starts from there.
  const pages = await ff.browser.pages();
  for (const page of pages.slice(1)) await page.close();
  await ff.inBrowserWindow('SidebarController.hide(); return true;');
});
afterAll(async () => {
  await ff?.close();
});

async function sidebarShowsThePanel(): Promise<void> {
  await expect.poll(() => ff.sidebar(), { timeout: 20_000 }).toEqual({ id: ff.sidebarId, url: `${ff.origin}/sidepanel.html`, title: 'Quiver' });
}

test('Alt+Shift+Q opens Quiver in the sidebar', async () => {
  await ff.inBrowserWindow('SidebarController.hide(); return true;');
  expect((await ff.sidebar()).id).toBe('');
  const gmail = await ff.openFixture('gmail-inbox-compose.html');
  await gmail.bringToFront();
  await pressInBrowserWindow(ff, ['Alt', 'Shift'], 'Q');
  await sidebarShowsThePanel();
});

test('the toolbar button opens Quiver in the sidebar', async () => {
  await ff.inBrowserWindow('SidebarController.hide(); return true;');
  expect((await ff.sidebar()).id).toBe('');
  // Firefox's own entry for a click on the add-on's toolbar button: it fires the background's
  // browserAction.onClicked, as a rep's click does.
  await ff.inBrowserWindow(`
    const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
    const extension = WebExtensionPolicy.getByHostname(${JSON.stringify(new URL(ff.origin).host)}).extension;
    ExtensionParent.apiManager.global.browserActionFor(extension).triggerAction(window);
    return true;
  `);
  await sidebarShowsThePanel();
});

/** The result whose title is `title`, once the Results list shows it. */
async function resultTitled(panel: Page, title: string) {
  const list = await panel.waitForSelector(role('list', 'Results'), { timeout: 20_000 });
  let found = null;
  await waitFor(async () => {
    for (const item of await list!.$$(role('listitem'))) {
      if (await item.$(role('button', title))) {
        found = item;
        return true;
      }
    }
    return false;
  }, `“${title}” in the results`);
  return found!;
}

test('on Gmail: the panel reads the compose, a search finds a template, and Insert fills it in', async () => {
  // The rep's own details, for the {{my.*}} variables of the signature.
  const options = await ff.openPage('options.html');
  await (await options.waitForSelector(role('textbox', 'Your name')))!.type('Maria Lopez');
  await (await options.waitForSelector(role('textbox', 'Your title')))!.type('Account Executive');
  await (await options.waitForSelector(role('textbox', 'Your company')))!.type('Routewise');
  await (await options.waitForSelector(role('button', 'Save')))!.click();
  await waitFor(
    async () => (await Promise.all((await options.$$(role('alert'))).map(textOf))).some((t) => t.includes('Saved.')),
    'the options page to say Saved.',
  );

  const gmail = await ff.openFixture('gmail-inbox-compose.html');
  // The rep clicks into the body of the second compose.
  await gmail.click('[id=":tn"] > div');
  const [tab] = await options.evaluate(() => (globalThis as unknown as WithTabs).browser.tabs.query({ url: 'https://mail.google.com/*' }));
  expect(tab?.id).toBeTypeOf('number');
  await options.close();

  const panel = await ff.openPage(`sidepanel.html?tabId=${tab!.id}`);
  // The content script in the Gmail tab answered: who the email is for.
  const context = await panel.waitForSelector(role('region', 'Page context'));
  await expect.poll(() => textOf(context!), { timeout: 20_000 }).toContain('Priya Raman');

  const title = 'Cold intro — empty miles and planning time';
  await (await panel.waitForSelector(role('searchbox', 'Search content')))!.type('cold intro empty miles');
  const item = await resultTitled(panel, title);
  await (await item.$(role('button', 'Insert')))!.click();
  await expect
    .poll(async () => Promise.all((await panel.$$(role('status'))).map(textOf)), { timeout: 20_000 })
    .toContainEqual(expect.stringMatching(new RegExp(`^Inserted “${title}” into Message Body\\.`)));

  const body = await gmail.$eval('#compose-2 [g_editable="true"]', (el) => (el as HTMLElement).innerText);
  expect(body).toMatch(/^Hi Priya,/);
  expect(body).toContain('Maria Lopez');
  expect(body).not.toContain('{{');
  expect(await gmail.$eval('#compose-2 input[name="subjectbox"]', (el) => (el as HTMLInputElement).value)).toBe('Empty miles at Brightcart');
  // Gmail's own listeners saw the change.
  expect(Number(await gmail.$eval('#compose-2 .M9', (el) => el.getAttribute('data-input-events')))).toBeGreaterThan(0);
  // The other compose is untouched.
  expect(await gmail.$eval('#compose-1 [g_editable="true"]', (el) => (el as HTMLElement).innerText)).not.toContain('Hi Priya');
});

/** The extension API an extension page has, as used inside page.evaluate. */
interface WithTabs {
  browser: { tabs: { query(query: object): Promise<{ id?: number }[]> } };
}
