import { browser } from 'wxt/browser';
import { ensureDemoLibrary } from './seed';

/**
 * Registers every listener synchronously, at the worker's top level, so that an event that
 * wakes a stopped worker finds its listener. Work waits on one `ready` promise.
 */
export function startBackground(): void {
  let ready: Promise<void> | undefined;
  const whenReady = () => (ready ??= init());

  browser.runtime.onInstalled.addListener(() => void whenReady());
  browser.runtime.onStartup.addListener(() => void whenReady());

  if (browser.sidePanel) {
    // Chrome: the toolbar icon opens the side panel.
    void browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => {});
  }

  void whenReady();
}

async function init(): Promise<void> {
  await ensureDemoLibrary(undefined, false);
}
