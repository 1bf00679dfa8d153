import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { listen } from '../../lib/messaging/receive';
import { messenger, tabTransport } from '../../lib/messaging/send';
import { unsupportedContext, type PageContext } from '../../lib/schema/page-context';

export type PageContextState = { status: 'none' } | { status: 'loading' } | { status: 'ready'; context: PageContext };

/** Asks the page's content script (top frame) what it sees. Null when no script answers. */
export async function requestPageContext(tabId: number): Promise<PageContext | null> {
  return messenger('panel', 'content', tabTransport(tabId))
    .request('panel->content:get-context')
    .catch(() => null);
}

async function tabUrl(tabId: number): Promise<string> {
  try {
    return (await browser.tabs.get(tabId)).url ?? '';
  } catch {
    return '';
  }
}

/**
 * The page context of the bound tab: asked for when the tab changes or finishes loading,
 * and pushed by the content script as the page's app navigates.
 */
export function usePageContext(tabId: number | null): PageContextState {
  const [state, setState] = useState<PageContextState>({ status: tabId === null ? 'none' : 'loading' });

  useEffect(() => {
    if (tabId === null) {
      setState({ status: 'none' });
      return;
    }
    let cancelled = false;
    let generation = 0;
    const ask = async () => {
      const mine = ++generation;
      const context = (await requestPageContext(tabId)) ?? unsupportedContext(await tabUrl(tabId));
      if (!cancelled && mine === generation) setState({ status: 'ready', context });
    };
    setState({ status: 'loading' });
    void ask();

    const onUpdated = (updatedId: number, change: { status?: string; url?: string }) => {
      if (updatedId === tabId && (change.status === 'complete' || change.url !== undefined)) void ask();
    };
    const stopListening = listen(
      'panel',
      {
        'content->panel:context-changed': ({ context }) => {
          generation++;
          setState({ status: 'ready', context });
        },
      },
      // The bound tab's top frame only: the one the panel inserts into.
      (_from, sender) => sender.tab?.id === tabId && sender.frameId === 0,
    );
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => {
      cancelled = true;
      stopListening();
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, [tabId]);

  return state;
}
