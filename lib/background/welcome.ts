import { browser } from 'wxt/browser';
import { storedValue } from '../stored-value';

/** Set once the welcome page has been opened: it is shown on the first install only. */
export const welcomeShownStore = storedValue('local:welcomeShown', (stored) => stored === true);

interface InstalledDetails {
  reason: string;
}

/**
 * Opens the welcome page on a first install, once: not on an update, a browser update or a
 * restart (`reason` is then "update", "chrome_update" or no event at all), and not again if
 * the install event is delivered twice.
 */
export async function openWelcomeOnInstall(details: InstalledDetails): Promise<void> {
  if (details.reason !== 'install') return;
  if (await welcomeShownStore.get()) return;
  await welcomeShownStore.set(true);
  await browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
}
