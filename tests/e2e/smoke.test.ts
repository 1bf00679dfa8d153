import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchExtension, type ExtensionSession } from './support/extension';

let session: ExtensionSession;
beforeAll(async () => {
  session = await launchExtension();
});
afterAll(async () => {
  await session?.close();
});

test('the side panel page opens', async () => {
  const page = await session.openPage('sidepanel.html');
  await expect.poll(() => page.getByRole('heading', { name: 'Quiver' }).count()).toBe(1);
});
