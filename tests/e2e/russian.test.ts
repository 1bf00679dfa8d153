import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchExtension, type ExtensionSession } from './support/extension';
import { resultsList } from './support/panel';

let session: ExtensionSession;
beforeAll(async () => {
  session = await launchExtension({ lang: 'ru' });
});
afterAll(async () => {
  await session?.close();
});

test('in a Russian browser the side panel speaks Russian and finds Russian content', async () => {
  const panel = await session.openPage('sidepanel.html');
  const list = panel.getByRole('list', { name: 'Результаты' });
  await list.getByRole('listitem').first().waitFor({ timeout: 20_000 });
  expect(await panel.getByRole('button', { name: 'Конверсия', exact: true }).getAttribute('aria-pressed')).toBe('false');
  await panel.getByRole('searchbox', { name: 'Поиск материалов' }).fill('холостой пробег');
  await expect.poll(() => list.locator('.result-title').first().innerText()).toMatch(/\(RU\)$/);
  expect(await resultsList(panel).count()).toBe(0);
});
