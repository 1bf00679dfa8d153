import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { PageContext } from '../../lib/schema/page-context';
import { registryHostPatterns, registryRegionPatterns } from '../../lib/sites/registry';
import { openFixture, openPanel } from '../fixtures/serve';
import { allowHostInBrowserSettings, launchExtension, type ExtensionSession } from './support/extension';

/*
 * A HubSpot account in the EU data centre lives on app-eu1.hubspot.com, which Quiver does not
 * ask for at install. Until the rep turns the region on in the options page (Sites), its pages
 * get no content script; once on, the page already open gets context without a reload, and so
 * does every page opened later; turned off, new pages get nothing again.
 */

const EU_DEAL = 'https://app-eu1.hubspot.com/contacts/24681357/record/0-3/18273645501';

let session: ExtensionSession;
beforeAll(async () => {
  session = await launchExtension();
});
afterAll(async () => {
  await session?.close();
});

/** The page context the tab showing `url` answers with, asked once of every tab; null when no content script answers. */
async function contextAt(url: string): Promise<PageContext | null> {
  const asker = await session.openPage('sidepanel.html');
  try {
    return await asker.evaluate(async (wanted) => {
      const api = (
        globalThis as unknown as {
          chrome: { tabs: { query(q: object): Promise<{ id?: number }[]>; sendMessage(t: number, m: unknown, o: object): Promise<unknown> } };
        }
      ).chrome;
      for (const tab of await api.tabs.query({})) {
        if (tab.id === undefined) continue;
        const ctx = (await api.tabs.sendMessage(tab.id, { type: 'panel->content:get-context' }, { frameId: 0 }).catch(() => null)) as PageContext | null;
        if (ctx?.url === wanted) return ctx;
      }
      return null;
    }, url);
  } finally {
    await asker.close();
  }
}

const settle = (page: Page) => page.waitForTimeout(1500);

test('the EU data centre: asked for only when turned on, and then the deal page has its context', async () => {
  const manifest = await session.worker.evaluate(() =>
    (
      globalThis as unknown as { chrome: { runtime: { getManifest(): { host_permissions?: string[]; optional_host_permissions?: string[] } } } }
    ).chrome.runtime.getManifest(),
  );
  expect(manifest.host_permissions).toEqual(registryHostPatterns());
  expect(manifest.optional_host_permissions).toEqual(registryRegionPatterns());
  expect(manifest.optional_host_permissions).toContain('https://app-eu1.hubspot.com/*');

  // Before: the page is there, Quiver is not.
  const before = await openFixture(session, 'hubspot-deal.html', { at: EU_DEAL });
  await settle(before);
  expect(await contextAt(EU_DEAL)).toBeNull();

  const options = await session.openPage('options.html');
  const eu = options.getByRole('switch', { name: 'app-eu1.hubspot.com' });
  await expect.poll(() => eu.isVisible()).toBe(true);
  expect(await eu.isChecked()).toBe(false);
  await allowHostInBrowserSettings(session, 'https://app-eu1.hubspot.com/*');
  await eu.click();
  await expect.poll(() => eu.isChecked()).toBe(true);

  // The page already open has its context, without a reload.
  const panel = await openPanel(session, before);
  expect(await panel.getContext()).toMatchObject({
    site: 'hubspot',
    pageKind: 'deal',
    url: EU_DEAL,
    deal: { name: 'Northwind Fleet Expansion', stage: 'Decision maker bought-in' },
    person: { fullName: 'Dana Whitfield' },
  });
  await panel.page.close();
  await before.close();

  // A page opened now gets the script from the browser itself.
  const later = await openFixture(session, 'hubspot-deal.html', { at: EU_DEAL });
  await expect.poll(async () => (await contextAt(EU_DEAL))?.deal?.stage, { timeout: 10_000 }).toBe('Decision maker bought-in');
  await later.close();

  // Turned off: pages opened afterwards get nothing.
  await options.bringToFront();
  await eu.click();
  await expect.poll(() => eu.isChecked()).toBe(false);
  const off = await openFixture(session, 'hubspot-deal.html', { at: EU_DEAL });
  await settle(off);
  expect(await contextAt(EU_DEAL)).toBeNull();
  // The usual host was never affected.
  const usual = await openFixture(session, 'hubspot-deal.html');
  await expect.poll(async () => (await contextAt(usual.url()))?.site, { timeout: 10_000 }).toBe('hubspot');
});
