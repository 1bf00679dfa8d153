import { browser } from 'wxt/browser';
import { listen } from '../messaging/receive';
import { getDb } from '../db';
import { loadSettings } from '../settings';
import { SiteHealthMonitor } from '../site-health/monitor';
import { recordUsed, shareFromPage } from './content-requests';
import { followRegionGrants, syncRegionScripts } from './region-scripts';
import { LibraryService } from './library-service';
import { injectPalette, openPaletteForCommand } from './palette';
import { openPanelForTab } from './panel';
import { isContentScript, isExtensionPage } from './senders';
import { ALARMS, announceShortcutsChanged, SyncService } from './sync-service';
import { openWelcomeOnInstall } from './welcome';

/**
 * Registers every listener synchronously, at the worker's top level, so that an event that
 * wakes a stopped worker finds its listener. Work waits on one `ready` promise.
 */
export function startBackground(): void {
  let ready: Promise<void> | undefined;
  const library = new LibraryService();
  const sync = new SyncService(undefined, library);
  const whenReady = () => (ready ??= init(sync));
  const health = new SiteHealthMonitor(getDb());

  browser.runtime.onInstalled.addListener((details) => {
    void whenReady();
    void openWelcomeOnInstall(details).catch(() => {});
  });
  browser.runtime.onStartup.addListener(() => void whenReady());

  listen(
    'bg',
    {
      'content->bg:open-panel': (_message, sender) => {
        // Synchronously, before any await: the click's user gesture must still be live.
        openPanelForTab(sender.tab!.id!, sender.tab?.windowId);
      },
      'content->bg:load-palette': (_message, sender) => {
        if (sender.frameId === 0) void injectPalette(sender.tab!.id!);
      },
      'content->bg:page-seen': ({ context }, sender) => {
        // The top frame speaks for the page; a failed write only loses one check.
        if (sender.frameId === 0 && sender.tab?.id !== undefined) void health.seen(sender.tab.id, context).catch(() => {});
      },
      'content->bg:search': ({ request }) => whenReady().then(async () => library.search(request, undefined, await loadSettings())),
      'content->bg:share-link': (message) => whenReady().then(() => shareFromPage(message)),
      'content->bg:render': (message) => whenReady().then(async () => library.render(message, message.context, await loadSettings(), message.values)),
      'content->bg:get-shortcuts': () => whenReady().then(async () => library.shortcuts(await loadSettings())),
      'content->bg:used': (message) => whenReady().then(() => recordUsed(message)),
      'panel->bg:upload-events': () =>
        whenReady().then(async () => {
          await sync.upload();
          return null;
        }),
      'options->bg:sync-now': () =>
        whenReady().then(async () => {
          const result = await sync.sync();
          await sync.upload({ force: true });
          return result && { outcome: result.outcome, error: result.error, itemCount: result.itemCount };
        }),
      'options->bg:settings-changed': () =>
        whenReady().then(async () => {
          // A new shortcut prefix or key must reach the pages already open.
          void announceShortcutsChanged();
          await sync.sync();
          await sync.upload({ force: true });
          return null;
        }),
    },
    // A content script speaks for its tab; the extension's own pages for the rep.
    (from, sender) => (from === 'content' ? isContentScript(sender) : isExtensionPage(sender)),
  );

  browser.tabs.onRemoved.addListener((tabId) => void health.closed(tabId).catch(() => {}));

  // A site's region turned on or off (the options page asks; the rep may also revoke it in the
  // browser's own settings): its content script follows.
  browser.permissions.onAdded.addListener(() => void followRegionGrants().catch(() => {}));
  browser.permissions.onRemoved.addListener(() => void syncRegionScripts().catch(() => {}));

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
  // Registered scripts survive restarts, but grants can change while the worker is away.
  void syncRegionScripts().catch(() => {});
  // Requests wait for this: the demo library is seeded before the first search when there is
  // no server. A server sync runs on in the background; the cache answers meanwhile.
  await sync.seedIfNoServer();
  void sync.sync().then(() => sync.upload());
}
