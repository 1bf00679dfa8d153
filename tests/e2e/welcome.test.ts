import { rmSync } from 'node:fs';
import { afterAll, expect, test } from 'vitest';
import { launchExtension, type ExtensionSession } from './support/extension';
import { waitForLibrary } from './support/keyboard';

/*
 * First run: installing Quiver opens the welcome page once; a browser restart on the same
 * profile never opens it again (updates: tests/unit/background/welcome.test.ts).
 */

let profile: string | undefined;
let session: ExtensionSession | undefined;
afterAll(async () => {
  await session?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

const welcomeTabs = (s: ExtensionSession) => s.context.pages().filter((p) => p.url() === `chrome-extension://${s.extensionId}/welcome.html`);

test('the welcome page opens on install, once, and not after a browser restart', async () => {
  session = await launchExtension({ keepWelcome: true, keepProfile: true });
  profile = session.userDataDir;
  const welcome = session.welcome;
  expect(welcome, 'the install opened the welcome page').toBeDefined();
  await welcome!.getByRole('heading', { name: 'Welcome to Quiver', level: 1 }).waitFor();
  expect(await welcome!.getByRole('region', { name: 'Open Quiver' }).innerText()).toMatch(/Alt\+Shift\+Q/);
  expect(await welcome!.getByRole('button', { name: 'Use the demo library' }).isVisible()).toBe(true);
  const sites = welcome!.getByRole('list', { name: 'Where Quiver works' });
  expect(await sites.getByRole('link', { name: 'Gmail' }).getAttribute('href')).toBe('https://mail.google.com/');
  expect(await sites.innerText()).toMatch(/Salesforce[\s\S]*HubSpot/);
  expect(welcomeTabs(session)).toHaveLength(1);
  await waitForLibrary(session);
  await session.close();

  // The browser starts again on the same profile.
  session = await launchExtension({ userDataDir: profile });
  await waitForLibrary(session);
  const options = await session.openPage('options.html');
  await options.locator('h1').waitFor();
  expect(welcomeTabs(session)).toHaveLength(0);
});
