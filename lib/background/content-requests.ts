import { getDb } from '../db';
import { track } from '../events/track';
import type { Message } from '../schema/messages';
import { loadSettings } from '../settings';

/** Records what went out from a page (palette insert, shortcut expansion) as a usage event. */
export async function recordUsed(msg: Message<'content->bg:used'>): Promise<null> {
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
