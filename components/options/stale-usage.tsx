import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../../lib/db';
import { t, tp } from '../../lib/i18n';
import { USE_KINDS, type UsageEvent } from '../../lib/schema/events';

const DAY = 86_400_000;

/** Distinct stale items the rep used in the last `days` days, from local events. */
export async function staleItemsUsed(days = 30, now = Date.now()): Promise<{ id: string; title: string; owner: string }[]> {
  const db = getDb();
  const since = new Date(now - days * DAY).toISOString();
  const rows = [...(await db.outbox.where('at').aboveOrEqual(since).toArray()), ...(await db.history.where('at').aboveOrEqual(since).toArray())];
  const ids = new Set<string>();
  for (const row of rows) {
    const e = row.event as Partial<UsageEvent>;
    if (e.stale && e.contentId && e.kind && USE_KINDS.includes(e.kind)) ids.add(e.contentId);
  }
  const items = await db.items.bulkGet([...ids]);
  return [...ids].map((id, i) => ({ id, title: items[i]?.title ?? id, owner: items[i]?.owner ?? '' }));
}

export function StaleUsage() {
  const used = useLiveQuery(() => staleItemsUsed(), []);
  return (
    <section aria-labelledby="opt-stale">
      <h2 id="opt-stale">{t('optStaleSection')}</h2>
      {!used || used.length === 0 ? (
        <p className="muted">{t('optStaleNone')}</p>
      ) : (
        <>
          <p>{tp('optStaleCount', used.length)}</p>
          <ul>
            {used.map((u) => (
              <li key={u.id}>
                {u.title} — {u.owner}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
