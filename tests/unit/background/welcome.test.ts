import { beforeEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openWelcomeOnInstall } from '../../../lib/background/welcome';

let created: string[];
beforeEach(() => {
  created = [];
  vi.spyOn(fakeBrowser.tabs, 'create').mockImplementation((async (props: { url?: string }) => {
    created.push(props.url ?? '');
    return { id: created.length } as never;
  }) as never);
});

test('a first install opens the welcome page, once', async () => {
  await openWelcomeOnInstall({ reason: 'install' });
  expect(created).toEqual([fakeBrowser.runtime.getURL('/welcome.html')]);
  // The same event again (a reinstall of the unpacked build on the same profile): nothing.
  await openWelcomeOnInstall({ reason: 'install' });
  expect(created).toHaveLength(1);
});

test('an update of the extension or of the browser opens nothing', async () => {
  await openWelcomeOnInstall({ reason: 'update' });
  await openWelcomeOnInstall({ reason: 'chrome_update' });
  await openWelcomeOnInstall({ reason: 'shared_module_update' });
  expect(created).toEqual([]);
});
