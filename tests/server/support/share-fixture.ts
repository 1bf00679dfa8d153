import type { EngagementLink } from '../../../lib/kpi/engagement';
import type { JourneyStage } from '../../../lib/schema/content';
import type { Site } from '../../../lib/schema/page-context';
import { createShareLink, recordView } from '../../../server/store/share-links';
import { contentItem } from './content-items';
import { DELETED_ID, LIBRARY_ITEMS } from './stats-fixture';
import type { TestServer } from './test-server';

/*
 * Share links for the stats parity test, through the server's own store functions at fixed
 * instants: which rep shared what from which stage and site, and when each request for it
 * came (counted or filtered). The same links as lib/kpi reads them: EngagementLink.
 */

interface FixtureLink {
  user: string;
  itemId: string;
  stage?: JourneyStage;
  site?: Site;
  createdAt: string;
  /** Requests for it: when, and why it was not counted (null: counted). */
  views: [string, 'scanner' | 'too_soon' | 'repeat' | 'head' | null][];
}

export const FIXTURE_LINKS: FixtureLink[] = [
  // Opened after 2 h, then again the next day.
  {
    user: 'anna@example.com',
    itemId: 'northwind-case',
    stage: 'interest',
    site: 'gmail',
    createdAt: '2025-03-05T10:00:00.000Z',
    views: [
      ['2025-03-05T10:00:03.000Z', 'too_soon'],
      ['2025-03-05T12:00:00.000Z', null],
      ['2025-03-05T12:05:00.000Z', 'repeat'],
      ['2025-03-06T09:00:00.000Z', null],
    ],
  },
  // Never opened; only a scanner came.
  {
    user: 'anna@example.com',
    itemId: 'northwind-case',
    stage: 'engagement',
    site: 'linkedin',
    createdAt: '2025-03-07T09:00:00.000Z',
    views: [['2025-03-07T09:00:30.000Z', 'scanner']],
  },
  // Opened after 30 min.
  {
    user: 'boris@example.com',
    itemId: 'referral-guide',
    stage: 'advocacy',
    site: 'salesforce',
    createdAt: '2025-03-10T08:00:00.000Z',
    views: [['2025-03-10T08:30:00.000Z', null]],
  },
  // No stage or site known; a HEAD first, opened after a day.
  {
    user: 'boris@example.com',
    itemId: 'old-ebook',
    createdAt: '2025-03-12T15:00:00.000Z',
    views: [
      ['2025-03-12T15:00:20.000Z', 'head'],
      ['2025-03-13T15:00:00.000Z', null],
    ],
  },
  // An item since removed from the library: its row keeps counting, with no title.
  {
    user: 'chen@example.com',
    itemId: DELETED_ID,
    stage: 'awareness',
    site: 'hubspot',
    createdAt: '2025-03-08T11:00:00.000Z',
    views: [['2025-03-08T11:05:00.000Z', null]],
  },
  // The last millisecond of the range, not opened.
  { user: 'chen@example.com', itemId: 'northwind-case', stage: 'interest', site: 'gmail', createdAt: '2025-03-16T23:59:59.999Z', views: [] },
  // Just before and just after the range.
  {
    user: 'anna@example.com',
    itemId: 'referral-guide',
    stage: 'advocacy',
    site: 'gmail',
    createdAt: '2025-03-04T23:59:59.999Z',
    views: [['2025-03-05T08:00:00.000Z', null]],
  },
  {
    user: 'dana@example.com',
    itemId: 'northwind-case',
    stage: 'interest',
    site: 'gmail',
    createdAt: '2025-03-17T00:00:00.000Z',
    views: [['2025-03-17T01:00:00.000Z', null]],
  },
];

/** Creates the fixture's links in the org (with the removed item there while its link is made). */
export async function loadShareLinks(server: TestServer, orgSlug: string): Promise<void> {
  const deleted = contentItem(DELETED_ID, { type: 'one_pager', title: 'Deleted one-pager', owner: 'maria@example.com', review_by: '2025-01-01' });
  await server.setLibrary(orgSlug, [...LIBRARY_ITEMS, deleted]);
  const org = await server.db.selectFrom('orgs').select('id').where('slug', '=', orgSlug).executeTakeFirstOrThrow();
  for (const link of FIXTURE_LINKS) {
    await server.tokenFor(orgSlug, link.user, 'rep');
    const user = await server.db.selectFrom('users').select('id').where('org_id', '=', org.id).where('email', '=', link.user).executeTakeFirstOrThrow();
    const created = await createShareLink(
      server.db,
      { orgId: org.id, userId: user.id, itemId: link.itemId, stage: link.stage, site: link.site },
      new Date(link.createdAt),
    );
    if (!created.ok) throw new Error(`fixture link for ${link.itemId} refused: ${created.reason}`);
    for (const [at, reason] of link.views) await recordView(server.db, created.link.slug, { device: 'desktop', reason }, new Date(at));
  }
  await server.setLibrary(orgSlug, LIBRARY_ITEMS);
}

/** The same links as lib/kpi reads them. */
export function engagementLinks(): EngagementLink[] {
  const typeOf = (id: string) => (id === DELETED_ID ? 'one_pager' : LIBRARY_ITEMS.find((i) => i.id === id)!.type);
  return FIXTURE_LINKS.map((link) => {
    const counted = link.views.filter(([, reason]) => reason === null).map(([at]) => at);
    return {
      user: link.user,
      contentId: link.itemId,
      contentType: typeOf(link.itemId),
      stage: link.stage ?? null,
      site: link.site ?? null,
      createdAt: link.createdAt,
      views: counted.length,
      firstOpenedAt: counted[0] ?? null,
    };
  });
}
