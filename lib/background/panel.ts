import { browser } from 'wxt/browser';

/**
 * Opens the side panel bound to a tab. Must run synchronously inside the message handler of
 * the click that asked for it: an `await` before `open` loses the user gesture.
 */
export function openPanelForTab(tabId: number, windowId?: number): void {
  const sidePanel = browser.sidePanel;
  if (sidePanel) {
    void sidePanel.setOptions({ tabId, path: `sidepanel.html?tabId=${tabId}`, enabled: true }).catch(() => {});
    void sidePanel.open(windowId !== undefined ? { tabId, windowId } : { tabId }).catch(() => {});
    return;
  }
  // Firefox: the sidebar can only be opened from a user action handled in the extension itself.
  const sidebar = (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
  void sidebar?.open().catch(() => {});
}
