import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { contentToBackgroundSchema } from '../../lib/schema/messages';
import { pageContextSchema, unsupportedContext, type PageContext } from '../../lib/schema/page-context';

export type PageContextState =
  | { status: 'none' }
  | { status: 'loading' }
  | { status: 'ready'; context: PageContext };

/** Asks the page's content script (top frame) what it sees. Null when no script answers. */
export async function requestPageContext(tabId: number): Promise<PageContext | null> {
  try {
    const reply: unknown = await browser.tabs.sendMessage(tabId, { type: 'ui->content:get-context' }, { frameId: 0 });
    const parsed = pageContextSchema.safeParse(reply);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
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

    const onMessage = (message: unknown, sender: { tab?: { id?: number }; frameId?: number }) => {
      if (sender.tab?.id !== tabId || sender.frameId !== 0) return;
      const parsed = contentToBackgroundSchema.safeParse(message);
      if (parsed.success && parsed.data.type === 'content->bg:context-changed') {
        generation++;
        setState({ status: 'ready', context: parsed.data.context });
      }
    };
    const onUpdated = (updatedId: number, change: { status?: string; url?: string }) => {
      if (updatedId === tabId && (change.status === 'complete' || change.url !== undefined)) void ask();
    };
    browser.runtime.onMessage.addListener(onMessage);
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => {
      cancelled = true;
      browser.runtime.onMessage.removeListener(onMessage);
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, [tabId]);

  return state;
}
