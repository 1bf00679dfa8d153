import { useLiveQuery } from 'dexie-react-hooks';
import { browser } from 'wxt/browser';
import { getDb, getMeta } from '../../../lib/db';
import { outboxStats } from '../../../lib/events/outbox';
import { UPLOAD_META } from '../../../lib/events/upload';
import { t, tp } from '../../../lib/i18n';

/** Usage events waiting to go out, those dropped or refused, and the way to the dashboard. */
export function EventsSection() {
  const db = getDb();
  const outbox = useLiveQuery(() => outboxStats(db), []);
  const rejected = useLiveQuery(() => getMeta(db, UPLOAD_META.rejected), []);
  return (
    <section aria-labelledby="opt-events">
      <h2 id="opt-events">{t('optEventsSection')}</h2>
      <p>{tp('optOutbox', outbox?.queued ?? 0)}</p>
      {(outbox?.dropped ?? 0) > 0 && <p className="notice notice-warning">{tp('optOutboxDropped', outbox!.dropped)}</p>}
      {(rejected?.count ?? 0) > 0 && <p className="muted">{tp('optOutboxRejected', rejected!.count)}</p>}
      <p>
        <a href={browser.runtime.getURL('/dashboard.html')}>{t('optOpenDashboard')}</a>
      </p>
    </section>
  );
}
