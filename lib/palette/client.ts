import { messenger, runtimeTransport, type Transport } from '../messaging/send';
import type { PaletteItem, RenderReply } from '../schema/messages';
import type { PageContext } from '../schema/page-context';

/*
 * The palette's requests to the background, which holds the library: search, render, and the
 * usage event once content went out. Answers are parsed like any message crossing a context
 * boundary; one that does not parse counts as no answer.
 */

export interface PaletteClient {
  search(query: string): Promise<PaletteItem[]>;
  render(id: string, context: PageContext, values?: Record<string, string>): Promise<RenderReply>;
  used(id: string, via: 'palette' | 'shortcut', context: PageContext, timeToContentMs: number): void;
  /** A new share link for the item, as a titled link to insert. */
  share(id: string, context: PageContext): Promise<RenderReply>;
}

const MAX_TIME_TO_CONTENT = 86_400_000;

export function backgroundClient(send: Transport = runtimeTransport): PaletteClient {
  // palette.js runs in the content script's world: to the background it is the content script.
  const bg = messenger('content', 'bg', send);
  return {
    search(query) {
      return bg.request('content->bg:search', { request: { query: query.slice(0, 500), stages: [], types: [], limit: 20 } });
    },
    render(id, context, values) {
      return bg.request('content->bg:render', { id, context, ...(values ? { values } : {}) });
    },
    used(id, via, context, timeToContentMs) {
      const ms = Math.max(0, Math.min(MAX_TIME_TO_CONTENT, Math.round(timeToContentMs)));
      void bg.request('content->bg:used', { id, via, context, timeToContentMs: ms }).catch(() => {});
    },
    share(id, context) {
      return bg.request('content->bg:share-link', { id, context });
    },
  };
}
