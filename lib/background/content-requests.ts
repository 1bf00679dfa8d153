import { getDb } from '../db';
import { track } from '../events/track';
import type { ContentToBackgroundMessage } from '../schema/messages';
import { loadSettings } from '../settings';
import type { LibraryService } from './library-service';

/**
 * Answers a content script's requests (palette search, rendering, shortcuts) and records what
 * went out from the page. Never called for `open-panel`, which must stay synchronous.
 */
export async function answerContent(
  library: LibraryService,
  msg: Exclude<ContentToBackgroundMessage, { type: 'content->bg:open-panel' | 'content->bg:context-changed' | 'content->bg:load-palette' }>,
): Promise<unknown> {
  switch (msg.type) {
    case 'content->bg:search':
      return library.search(msg.request);
    case 'content->bg:render':
      return library.render({ id: msg.id, shortcut: msg.shortcut }, msg.context, await loadSettings(), msg.values);
    case 'content->bg:get-shortcuts':
      return library.shortcuts(await loadSettings());
    case 'content->bg:used': {
      const item = await getDb().items.get(msg.id);
      if (!item) return null;
      const settings = await loadSettings();
      const ctx = msg.context;
      await track(
        getDb(),
        {
          kind: msg.via === 'shortcut' ? 'expand_shortcut' : 'insert',
          contentId: item.id,
          contentType: item.type,
          stage: item.stages[0],
          ...(ctx.supported && ctx.site ? { site: ctx.site, pageKind: ctx.pageKind } : {}),
          ...(msg.timeToContentMs !== undefined ? { timeToContentMs: msg.timeToContentMs } : {}),
        },
        { logQueries: settings.logQueries },
      ).catch(() => {
        // The content went out whatever happens here; track says a full disk to the pages.
      });
      return null;
    }
  }
}
