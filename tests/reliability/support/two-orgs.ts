import type { Role } from '../../../lib/schema/api';
import { revokeToken } from '../../../server/store/tokens';
import { contentItem } from '../../server/support/content-items';
import { call, type TestServer } from '../../server/support/test-server';

/*
 * Two orgs on one server, each with its own library, reps, manager, admin and usage, every
 * piece marked with a string that belongs to that org alone. A response given to one org that
 * contains another org's marker is a leak.
 */

export const DAY = '2026-03-10';

export interface OrgFixture {
  slug: string;
  /** Tokens by who holds them. */
  tokens: Record<'rep' | 'manager' | 'admin' | 'demoted' | 'revoked', string>;
  /** Strings only this org's data contains: titles, summaries, queries, emails, the slug. */
  markers: string[];
  itemIds: string[];
  emails: string[];
}

async function seedOrg(server: TestServer, slug: string, otherItemId: string): Promise<OrgFixture> {
  const upper = slug.toUpperCase();
  const email = (who: string) => `${who}@${slug}-corp.test`;
  const items = [
    contentItem(`${slug}-pricing`, { title: `${upper}-ONLY pricing sheet`, summary: `${upper}-SUMMARY discounts`, owner: email('owner') }),
    contentItem(`${slug}-never-used`, { title: `${upper}-ONLY dusty guide`, type: 'guide', review_by: '2020-01-01', owner: email('owner') }),
  ];
  await server.setLibrary(slug, items);

  const token = (who: string, role: Role) => server.tokenFor(slug, email(who), role);
  const tokens = {
    rep: await token('rep', 'rep'),
    manager: await token('manager', 'manager'),
    admin: await token('admin', 'admin'),
    // A manager demoted to rep: the old token keeps working, at the new role.
    demoted: await token('former-manager', 'manager'),
    revoked: await token('leaver', 'rep'),
  };
  await token('former-manager', 'rep');
  await revokeToken(server.db, tokens.revoked);

  const at = `${DAY}T10:00:00.000Z`;
  const query = `${slug}-only-query`;
  const events = [
    { id: crypto.randomUUID(), kind: 'insert', at, contentId: items[0]!.id, contentType: 'case_study', stage: 'interest', site: 'gmail' },
    { id: crypto.randomUUID(), kind: 'search_no_results', at, query, resultCount: 0, stage: 'interest', site: 'gmail' },
    // The other org's item id, as a guess: its title must not come back in this org's figures.
    { id: crypto.randomUUID(), kind: 'copy', at, contentId: otherItemId, contentType: 'case_study', stage: 'interest' },
  ];
  const res = await call(`${server.url}/api/v1/events`, { token: tokens.rep, body: { events } });
  if (res.status !== 200 || res.json.accepted !== events.length) throw new Error(`seeding ${slug} events failed: ${res.text}`);

  return {
    slug,
    tokens,
    markers: [...items.flatMap((i) => [i.title, i.summary]), query, email('rep'), email('manager'), email('owner'), `"${slug}"`],
    itemIds: items.map((i) => i.id),
    emails: [email('rep'), email('manager'), email('admin'), email('former-manager'), email('leaver')],
  };
}

export async function seedTwoOrgs(server: TestServer): Promise<[OrgFixture, OrgFixture]> {
  const acme = await seedOrg(server, 'acme', 'globex-pricing');
  const globex = await seedOrg(server, 'globex', 'acme-pricing');
  return [acme, globex];
}
