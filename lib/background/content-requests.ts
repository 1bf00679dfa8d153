import { getDb, getMeta, type QuiverDb } from '../db';
import { refusal } from '../delivery/render-for-page';
import { itemEvent, pageStage } from '../delivery/usage-event';
import { track } from '../events/track';
import { t } from '../i18n';
import { createShareLink } from '../links/share-links';
import { defaultStageMap, mergeStageMaps } from '../recommend';
import { isStale, todayIso } from '../schema/content';
import { isShareable } from '../schema/links';
import type { Message, RenderReply } from '../schema/messages';
import { isServerConfigured, loadSettings } from '../settings';
import { createApiClient } from '../sync/api-client';
import { escapeHtml } from '../templates/render';

/**
 * Share link from the palette: a new link for the item from the library server, answered as a
 * titled link for the page's editor (the content script sanitises it on the way in). The
 * label for whom it is — the page's company — stays in the browser.
 */
export async function shareFromPage(
  msg: Message<'content->bg:share-link'>,
  { db = getDb(), today = todayIso() }: { db?: QuiverDb; today?: string } = {},
): Promise<RenderReply> {
  const item = await db.items.get(msg.id);
  if (!item) return { ok: false, reason: 'not-found', message: t('renderNotFound') };
  const refused = refusal(item, today);
  if (refused !== null) return { ok: false, reason: 'expired', message: refused };
  const [settings, org] = await Promise.all([loadSettings(), getMeta(db, 'orgSettings')]);
  if (!isServerConfigured(settings) || !isShareable(item, org)) return { ok: false, reason: 'unavailable', message: t('shareFailed', '—') };
  try {
    const client = createApiClient({ serverUrl: settings.serverUrl, token: settings.token, fetch: (...args) => fetch(...args) });
    const stage = pageStage(msg.context, mergeStageMaps(defaultStageMap(), org?.stageMap));
    const link = await createShareLink(client, { itemId: item.id, stage, site: msg.context.site, label: msg.context.company });
    return {
      ok: true,
      id: item.id,
      title: item.title,
      payload: { html: `<a href="${escapeHtml(link.url)}">${escapeHtml(item.title)}</a>`, text: `${item.title}: ${link.url}` },
      missing: [],
      stale: isStale(item, today),
    };
  } catch (error) {
    return { ok: false, reason: 'unavailable', message: t('shareFailed', error instanceof Error ? error.message : String(error)).slice(0, 500) };
  }
}

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
