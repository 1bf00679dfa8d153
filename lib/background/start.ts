import { browser } from 'wxt/browser';
import { contentToBackgroundSchema, uiToBackgroundSchema } from '../schema/messages';
import { answerContent } from './content-requests';
import { LibraryService } from './library-service';
import { injectPalette, openPaletteForCommand } from './palette';
import { openPanelForTab } from './panel';
import { isContentScript, isExtensionPage } from './senders';
import { ALARMS, announceShortcutsChanged, SyncService } from './sync-service';
import type { UiToBackgroundMessage } from '../schema/messages';

/**
 * Registers every listener synchronously, at the worker's top level, so that an event that
 * wakes a stopped worker finds its listener. Work waits on one `ready` promise.
 */
export function startBackground(): void {
  let ready: Promise<void> | undefined;
  const sync = new SyncService();
  const whenReady = () => (ready ??= init(sync));
  const library = new LibraryService();

  browser.runtime.onInstalled.addListener(() => void whenReady());
  browser.runtime.onStartup.addListener(() => void whenReady());

  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (isContentScript(sender)) {
      const parsed = contentToBackgroundSchema.safeParse(message);
      if (!parsed.success) return undefined;
      const msg = parsed.data;
      if (msg.type === 'content->bg:open-panel') {
        // Synchronously, before any await: the click's user gesture must still be live.
        openPanelForTab(sender.tab!.id!, sender.tab?.windowId);
        return undefined;
      }
      if (msg.type === 'content->bg:context-changed') return undefined;
      if (msg.type === 'content->bg:load-palette') {
        if (sender.frameId === 0) void injectPalette(sender.tab!.id!);
        return undefined;
      }
      return whenReady().then(() => answerContent(library, msg));
    }
    if (isExtensionPage(sender)) {
      const parsed = uiToBackgroundSchema.safeParse(message);
      if (!parsed.success) return undefined;
      return whenReady().then(() => answerUi(sync, parsed.data));
    }
    return undefined;
  });

  browser.alarms.onAlarm.addListener((alarm) => {
    void whenReady().then(async () => {
      if (alarm.name === ALARMS.sync || alarm.name === ALARMS.syncRetry) await sync.sync();
      else if (alarm.name === ALARMS.upload) await sync.upload();
    });
  });

  // The quick palette's keyboard command.
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'open-palette') void openPaletteForCommand(tab);
  });

  if (browser.sidePanel) {
    // Chrome: the toolbar icon (and its keyboard command) opens the side panel.
    void browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => {});
  } else {
    // Firefox: the toolbar icon toggles the sidebar.
    const ff = browser as unknown as {
      browserAction?: { onClicked: { addListener(cb: () => void): void } };
      sidebarAction?: { toggle(): Promise<void> };
    };
    (browser.action ?? ff.browserAction)?.onClicked.addListener(() => void ff.sidebarAction?.toggle());
  }

  void whenReady();
}

async function init(sync: SyncService): Promise<void> {
  await sync.ensureAlarms();
  // Requests wait for this: the demo library is seeded before the first search when there is
  // no server. A server sync runs on in the background; the cache answers meanwhile.
  await sync.seedIfNoServer();
  void sync.sync().then(() => sync.upload());
}

async function answerUi(sync: SyncService, msg: UiToBackgroundMessage): Promise<unknown> {
  switch (msg.type) {
    case 'ui->bg:sync-now': {
      const result = await sync.sync();
      await sync.upload({ force: true });
      return result && { outcome: result.outcome, error: result.error, itemCount: result.itemCount };
    }
    case 'ui->bg:settings-changed':
      // A new shortcut prefix or key must reach the pages already open.
      void announceShortcutsChanged();
      await sync.sync();
      await sync.upload({ force: true });
      return null;
    case 'ui->bg:upload-events':
      await sync.upload();
      return null;
  }
}
