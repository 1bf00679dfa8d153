import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';

/** The tab id named by `?tabId=N`, or null when the panel should follow the active tab. */
export function tabIdFromUrl(search: string): number | null {
  const raw = new URLSearchParams(search).get('tabId');
  if (raw === null || !/^\d+$/.test(raw)) return null;
  return Number(raw);
}

/**
 * The tab this panel works for: the one bound by `?tabId=N`, else the active tab of the
 * panel's window, followed as the rep switches tabs.
 */
export function useBoundTab(): number | null {
  const fixed = tabIdFromUrl(window.location.search);
  const [tabId, setTabId] = useState<number | null>(fixed);

  useEffect(() => {
    if (fixed !== null) return;
    let windowId: number | undefined;
    let cancelled = false;
    void (async () => {
      try {
        windowId = (await browser.windows.getCurrent())?.id;
      } catch {
        windowId = undefined;
      }
      const [active] = await browser.tabs.query({ active: true, ...(windowId !== undefined ? { windowId } : { currentWindow: true }) });
      if (!cancelled && active?.id !== undefined) setTabId(active.id);
    })();
    const onActivated = (info: { tabId: number; windowId: number }) => {
      if (windowId === undefined || info.windowId === windowId) setTabId(info.tabId);
    };
    browser.tabs.onActivated.addListener(onActivated);
    return () => {
      cancelled = true;
      browser.tabs.onActivated.removeListener(onActivated);
    };
  }, [fixed]);

  return tabId;
}
