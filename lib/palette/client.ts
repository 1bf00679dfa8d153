import { browser } from 'wxt/browser';
import { z } from 'zod';
import { paletteItemSchema, renderReplySchema, type PaletteItem, type RenderReply } from '../schema/messages';
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
}

const searchAnswer = z.array(paletteItemSchema);
const MAX_TIME_TO_CONTENT = 86_400_000;

export function backgroundClient(send: (message: unknown) => Promise<unknown> = (m) => browser.runtime.sendMessage(m)): PaletteClient {
  return {
    async search(query) {
      const request = { query: query.slice(0, 500), stages: [], types: [], limit: 20 };
      return searchAnswer.parse(await send({ type: 'content->bg:search', request }));
    },
    async render(id, context, values) {
      return renderReplySchema.parse(await send({ type: 'content->bg:render', id, context, ...(values ? { values } : {}) }));
    },
    used(id, via, context, timeToContentMs) {
      const ms = Math.max(0, Math.min(MAX_TIME_TO_CONTENT, Math.round(timeToContentMs)));
      void send({ type: 'content->bg:used', id, via, context, timeToContentMs: ms }).catch(() => {});
    },
  };
}
