import { useCallback, useRef, useState } from 'react';
import { writeClipboard } from '../../lib/clipboard';
import { getDb, type StoredItem } from '../../lib/db';
import { refusal, renderForPage } from '../../lib/delivery/render-for-page';
import { eventPlace, itemEvent } from '../../lib/delivery/usage-event';
import { track, type EventInput } from '../../lib/events/track';
import { t } from '../../lib/i18n';
import { messenger, runtimeTransport } from '../../lib/messaging/send';
import { isStale, type JourneyStage } from '../../lib/schema/content';
import type { EventKind } from '../../lib/schema/events';
import type { PageContext } from '../../lib/schema/page-context';
import type { Settings } from '../../lib/settings';
import { escapeHtml, type VariableValues } from '../../lib/templates/render';
import { sanitizeHtml } from '../../lib/templates/sanitize';
import type { TemplateVariable } from '../../lib/templates/variables';
import { deliver } from '../../lib/delivery/deliver';
import { siteLabel } from '../../lib/labels';
import { probePage } from '../../lib/site-health/probe';
import { recordInsertFailure } from '../../lib/site-health/record';
import { createShareLink } from '../../lib/links/share-links';
import { isServerConfigured } from '../../lib/settings';
import { createApiClient } from '../../lib/sync/api-client';
import type { ItemAction } from './result-item';
import { usePanelStore } from './store';

export interface PendingFill {
  item: StoredItem;
  action: 'insert' | 'copy';
  missing: TemplateVariable[];
}

interface Options {
  tabId: number | null;
  context: PageContext | undefined;
  settings: Settings | undefined;
  today: string;
  /** The stage the rep is working in: the stage filter, else the inferred stage (see stageOfUse). */
  workingStage: JourneyStage | undefined;
  /** When the rep started looking: first keystroke, else panel open or the last action. */
  sessionStart: React.RefObject<number>;
}

/** Insert, Copy, Copy link and Open for an item, with the events they record. */
export function useItemActions({ tabId, context, settings, today, workingStage, sessionStart }: Options) {
  const notify = usePanelStore((s) => s.notify);
  const [pending, setPending] = useState<PendingFill | null>(null);
  const busy = useRef(false);

  const record = useCallback(
    (input: Omit<EventInput, 'site' | 'pageKind'>) => {
      void track(getDb(), { ...input, ...eventPlace(context) }, { logQueries: settings?.logQueries ?? true })
        .then(() => messenger('panel', 'bg', runtimeTransport).request('panel->bg:upload-events'))
        // Recording never gets in the rep's way (a full disk is shown in the banner by track);
        // the background drains the outbox on its alarm.
        .catch(() => {});
    },
    [context, settings?.logQueries],
  );

  /**
   * A new share link for the item, inserted into the page's editor as a link titled with the
   * item (copied when there is no editor). The label for whom it is — the page's company —
   * stays in the browser.
   */
  const share = useCallback(
    async (item: StoredItem) => {
      if (!settings || !isServerConfigured(settings)) return;
      const client = createApiClient({ serverUrl: settings.serverUrl, token: settings.token, fetch: (...args) => fetch(...args) });
      let url: string;
      try {
        const label = context?.company;
        url = (await createShareLink(client, { itemId: item.id, stage: workingStage, site: context?.site, label })).url;
      } catch (error) {
        notify('error', t('shareFailed', error instanceof Error ? error.message : String(error)));
        return;
      }
      const payload = { html: sanitizeHtml(`<a href="${escapeHtml(url)}">${escapeHtml(item.title)}</a>`), text: `${item.title}: ${url}` };
      if (!context?.editor) {
        await writeClipboard(payload);
        notify('info', t('sharedLinkCopied', item.title));
        return;
      }
      const delivery = await deliver(tabId, payload);
      if (delivery.how === 'inserted') notify('info', t('sharedLinkInserted', [item.title, delivery.editor]));
      else notify('warning', t('sharedLinkCopied', item.title));
    },
    [context, notify, settings, tabId, workingStage],
  );

  const run = useCallback(
    async (item: StoredItem, action: ItemAction, extra?: VariableValues) => {
      const refused = refusal(item, today);
      if (refused !== null) {
        notify('error', refused);
        return;
      }
      const stale = isStale(item, today);
      const timeToContentMs = Math.max(0, Math.round(Date.now() - (sessionStart.current ?? Date.now())));
      const done = (kind: EventKind) => {
        record(itemEvent(item, { kind, context, workingStage, today, timeToContentMs }));
        sessionStart.current = Date.now();
      };
      try {
        if (action === 'open_asset' && item.url) {
          window.open(item.url, '_blank', 'noopener');
          done('open_asset');
          return;
        }
        if (action === 'share_link') {
          await share(item);
          return;
        }
        if (action === 'copy_link' && item.url) {
          await writeClipboard({ text: item.url, html: `<a href="${escapeHtml(item.url)}">${escapeHtml(item.title)}</a>` });
          notify('info', t('copiedLink', item.title));
          done('copy_link');
          return;
        }
        const kind = action === 'insert' ? 'insert' : 'copy';
        const rendered = renderForPage(item, { context, profile: settings?.profile, typed: extra, today });
        if (!rendered.ok) {
          notify('error', rendered.message);
          return;
        }
        if (rendered.missing.length > 0) {
          setPending({ item, action: kind, missing: rendered.missing });
          return;
        }
        setPending(null);
        const payload = { ...rendered.payload, html: sanitizeHtml(rendered.payload.html) };
        if (kind === 'copy') {
          await writeClipboard(payload);
          notify(stale ? 'warning' : 'info', t('copied', item.title) + (stale ? ` ${t('staleNotice', [item.review_by ?? '', item.owner])}` : ''));
          done('copy');
          return;
        }
        const delivery = await deliver(tabId, payload);
        if (delivery.how === 'inserted') {
          const text = stale ? t('insertedStale', [item.title, delivery.editor]) : t('inserted', [item.title, delivery.editor]);
          notify(stale ? 'warning' : 'info', delivery.subjectFilled ? `${text} ${t('insertedSubject')}` : text);
          done('insert');
        } else {
          // On a supported page where a message box was expected (or was found and then did not
          // take the content), the Insert failing is the adapter's failure: said so, and counted.
          const probe = context && delivery.because === 'no-editor' ? probePage(context) : null;
          if (context?.site && probe && (probe.editorExpected || context.editor)) {
            notify('warning', t('insertFallbackSite', [item.title, siteLabel(context.site)]));
            void recordInsertFailure(getDb(), context.site, context.pageKind).catch(() => {});
          } else {
            notify('warning', t(delivery.because === 'unreachable' ? 'insertUnreachable' : 'insertFallback', item.title));
          }
          done('copy');
        }
      } catch (error) {
        notify('error', t('copyFailed', error instanceof Error ? error.message : String(error)));
      }
    },
    [context, notify, record, sessionStart, settings?.profile, share, tabId, today, workingStage],
  );

  const act = useCallback(
    async (item: StoredItem, action: ItemAction, extra?: VariableValues) => {
      if (busy.current) return;
      busy.current = true;
      try {
        await run(item, action, extra);
      } finally {
        busy.current = false;
      }
    },
    [run],
  );

  return { act, pending, cancelPending: () => setPending(null), record };
}
