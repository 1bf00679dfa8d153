import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchExtension, readClipboard, type ExtensionSession } from './support/extension';
import { result, resultTitles, resultsList, waitForLibrary } from './support/panel';

let session: ExtensionSession;
beforeAll(async () => {
  session = await launchExtension();
});
afterAll(async () => {
  await session?.close();
});

describe('side panel with the demo library', () => {
  test('the service worker seeds the demo library on install', async () => {
    const count = await session.worker.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const tryCount = (attempt: number) => {
            const open = indexedDB.open('quiver');
            open.onsuccess = () => {
              const db = open.result;
              if (!db.objectStoreNames.contains('items')) {
                db.close();
                if (attempt > 50) reject(new Error('no items store'));
                else setTimeout(() => tryCount(attempt + 1), 200);
                return;
              }
              const req = db.transaction('items').objectStore('items').count();
              req.onsuccess = () => {
                db.close();
                if (req.result === 0 && attempt < 50) setTimeout(() => tryCount(attempt + 1), 200);
                else resolve(req.result);
              };
              req.onerror = () => reject(req.error);
            };
            open.onerror = () => reject(open.error);
          };
          tryCount(0);
        }),
    );
    expect(count).toBeGreaterThanOrEqual(60);
  });

  test('typing a query with a typo finds the item first', async () => {
    const page = await session.openPage('sidepanel.html');
    await waitForLibrary(page);
    await page.getByRole('searchbox', { name: 'Search content' }).fill('dispachly batlecard');
    await expect.poll(() => resultTitles(page).then((t) => t[0])).toBe('Battlecard: Routewise vs. Dispatchly');
    await page.close();
  });

  test('a stage toggle narrows the list to that stage', async () => {
    const page = await session.openPage('sidepanel.html');
    await waitForLibrary(page);
    const all = await resultsList(page).getByRole('listitem').count();
    const advocacy = page.getByRole('button', { name: 'Advocacy', exact: true });
    await expect.poll(() => advocacy.getAttribute('aria-pressed')).toBe('false');
    await advocacy.click();
    await expect.poll(() => advocacy.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => resultsList(page).getByRole('listitem').count()).toBeLessThan(all);
    const stages = await resultsList(page).locator('.stages').allInnerTexts();
    expect(stages.length).toBeGreaterThan(0);
    for (const s of stages) expect(s).toContain('Advocacy');
    expect(await resultTitles(page)).toContain('Referral ask after a strong result');
    expect(await resultTitles(page)).not.toContain('Demo follow-up with next steps');
    await page.close();
  });

  test('Copy puts the template on the clipboard with fallbacks filled', async () => {
    const page = await session.openPage('sidepanel.html');
    await waitForLibrary(page);
    await page.getByRole('searchbox', { name: 'Search content' }).fill('demo follow-up');
    const item = result(page, 'Demo follow-up with next steps');
    await item.getByRole('button', { name: 'Copy', exact: true }).click();
    // The rep's profile is empty, so the sender's name is asked for before anything is copied.
    const form = page.getByRole('form', { name: 'Fill in before inserting' });
    await form.getByLabel('Your name').fill('Sam Carter');
    await form.getByLabel('Your title').fill('Account Executive');
    await form.getByRole('button', { name: 'Copy' }).click();
    await expect.poll(() => page.getByRole('status').innerText()).toContain('Copied');
    const { text, html } = await readClipboard(session);
    expect(html).toContain('<strong>What we covered</strong>');
    expect(text).toContain('Hi there,');
    expect(text).toContain('Sam Carter\nAccount Executive');
    expect(text).not.toContain('{{');
    await page.close();
  });
});
