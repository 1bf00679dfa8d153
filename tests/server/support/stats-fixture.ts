import type { KpiItem } from '../../../lib/kpi/item-scope';
import type { ContentItem } from '../../../lib/schema/content';
import type { UsageEvent } from '../../../lib/schema/events';
import { EVENTS, LIBRARY, TODAY } from '../../unit/kpi/fixture';
import { contentItem } from './content-items';
import { call, type TestServer } from './test-server';

/*
 * The hand-computed fortnight of tests/unit/kpi/fixture.ts, as a team would send it to a
 * server: each rep posts their own events with their own token. The fixture's one event with
 * no user (a browser with no email set) is sent by a fourth rep, because the server always
 * writes the token's user. A few events are added for what only SQL can get wrong.
 */

export { TODAY };
export const FROM = '2025-03-05';
export const TO = '2025-03-16';

/** Who sends the fixture's user-less event. */
export const DANA = 'dana@example.com';

/** The fixture's item deleted from the library after use; the server keeps it as a tombstone. */
export const DELETED_ID = 'deleted-item';

let serial = 0;
function extra(kind: UsageEvent['kind'], at: string, fields: Omit<UsageEvent, 'id' | 'kind' | 'at'>): UsageEvent {
  serial += 1;
  return { id: `00000000-0000-4000-9000-${String(serial).padStart(12, '0')}`, kind, at, ...fields };
}

/** Events beyond the unit fixture, each aimed at a way the SQL could differ from lib/kpi. */
export const EXTRA_EVENTS: UsageEvent[] = [
  // Text order by code point: U+FF26 before U+1F600, the reverse of UTF-16 order.
  extra('search_no_results', '2025-03-12T09:00:00Z', { user: 'chen@example.com', query: '😀 deck', resultCount: 0, stage: 'engagement', site: 'hubspot' }),
  extra('search_no_results', '2025-03-12T09:01:00Z', { user: 'chen@example.com', query: 'Ｆleet', resultCount: 0, stage: 'engagement', site: 'hubspot' }),
  // A stage filter with a repeat and out of journey order: the gap "awareness,conversion".
  extra('search_no_results', '2025-03-13T11:00:00Z', {
    user: 'boris@example.com',
    query: 'pricing germany',
    resultCount: 0,
    filters: { stages: ['conversion', 'awareness', 'conversion'], types: [] },
    stage: 'conversion',
    site: 'salesforce',
  }),
  // A suggestion shown for the never-used guide: neither a use nor a preview, so no top-content row.
  extra('suggestion_shown', '2025-03-14T10:00:00Z', {
    user: 'boris@example.com',
    contentId: 'referral-guide',
    contentType: 'guide',
    stage: 'advocacy',
    site: 'gmail',
  }),
  // A time on a preview is not a time to content.
  extra('preview', '2025-03-14T10:01:00Z', {
    user: 'boris@example.com',
    contentId: 'roi-email',
    contentType: 'email_template',
    stage: 'interest',
    site: 'gmail',
    timeToContentMs: 1,
  }),
];

export const ALL_EVENTS: UsageEvent[] = [...EVENTS, ...EXTRA_EVENTS];

/** The rep whose token sends an event: its own user, or Dana for the user-less one. */
export function senderOf(event: UsageEvent): string {
  return event.user ?? DANA;
}

/** The events as the server stores them: `user` is the sender's. */
export function asStored(events: readonly UsageEvent[]): UsageEvent[] {
  return events.map((event) => ({ ...event, user: senderOf(event) }));
}

/** A fixture item as a full content item, for `quiver import`. */
export function asContentItem(item: KpiItem): ContentItem {
  return contentItem(item.id, {
    type: item.type,
    title: item.title,
    owner: item.owner,
    stages: item.stages,
    ...(item.review_by ? { review_by: item.review_by } : {}),
    ...(item.expires ? { expires: item.expires } : {}),
  });
}

export const LIBRARY_ITEMS: ContentItem[] = LIBRARY.map(asContentItem);

/**
 * Imports the library with the deleted item still in it, then without, so the server holds a
 * real tombstone that stats must not count as library, as the fixture's history implies.
 */
export async function loadLibrary(server: TestServer, orgSlug: string): Promise<void> {
  await server.setLibrary(orgSlug, [
    ...LIBRARY_ITEMS,
    contentItem(DELETED_ID, { type: 'one_pager', title: 'Deleted one-pager', owner: 'maria@example.com', review_by: '2025-01-01' }),
  ]);
  await server.setLibrary(orgSlug, LIBRARY_ITEMS);
}

/** Posts each rep's events with that rep's token, in batches as the extension's outbox would. */
export async function sendEvents(server: TestServer, orgSlug: string, events: readonly UsageEvent[]): Promise<void> {
  const bySender = new Map<string, UsageEvent[]>();
  for (const event of events) bySender.set(senderOf(event), [...(bySender.get(senderOf(event)) ?? []), event]);
  for (const [email, own] of bySender) {
    const token = await server.tokenFor(orgSlug, email, 'rep');
    for (let i = 0; i < own.length; i += 7) {
      const res = await call(`${server.url}/api/v1/events`, { token, body: { events: own.slice(i, i + 7) } });
      if (res.status !== 200 || res.json.rejected.length > 0) {
        throw new Error(`events for ${email} not stored: ${res.status} ${res.text}`);
      }
    }
  }
}
