import { getDb, getMeta, type QuiverDb } from '../db';
import { itemEvent, pageStage } from '../delivery/usage-event';
import { track } from '../events/track';
import { defaultStageMap, mergeStageMaps } from '../recommend';
import { todayIso } from '../schema/content';
import type { Message } from '../schema/messages';
import { loadSettings } from '../settings';

/**
 * Records what went out from a page (palette insert, shortcut expansion) as a usage event,
 * built as the side panel builds its own (lib/delivery/usage-event.ts): counted under the
 * stage the page suggests when the item is meant for it.
 */
export async function recordUsed(
  msg: Message<'content->bg:used'>,
  { db = getDb(), today = todayIso() }: { db?: QuiverDb; today?: string } = {},
): Promise<null> {
  const item = await db.items.get(msg.id);
  if (!item) return null;
  const [settings, org] = await Promise.all([loadSettings(), getMeta(db, 'orgSettings')]);
  const event = itemEvent(item, {
    kind: msg.via === 'shortcut' ? 'expand_shortcut' : 'insert',
    context: msg.context,
    workingStage: pageStage(msg.context, mergeStageMaps(defaultStageMap(), org?.stageMap)),
    today,
    ...(msg.timeToContentMs !== undefined ? { timeToContentMs: msg.timeToContentMs } : {}),
  });
  await track(db, event, { logQueries: settings.logQueries }).catch(() => {
    // The content went out whatever happens here; track says a full disk to the pages.
  });
  return null;
}
