import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import { contentItemSchema, type ContentItem, type ContentType, type JourneyStage } from '../../lib/schema/content';
import type { OrgSettings } from '../../lib/schema/api';
import { isShareable, type ShareLink } from '../../lib/schema/links';
import type { Site } from '../../lib/schema/page-context';
import type { Database, ShareLinkTable } from '../db/schema';
import type { FilterReason } from '../links/view-filter';
import { orgSettings } from './orgs';

/** A share link lives this long, unless its item expires or it is revoked first. */
export const LINK_LIFETIME_DAYS = 180;

/** 128 random bits as base64url: 22 characters, unguessable, safe in a URL path. */
export function newSlug(): string {
  return randomBytes(16).toString('base64url');
}

const SLUG = /^[A-Za-z0-9_-]{22}$/;
export function isSlug(text: string): boolean {
  return SLUG.test(text);
}

export type ShareLinkRow = Selectable<ShareLinkTable>;

export type CreateResult = { ok: true; link: ShareLinkRow } | { ok: false; reason: 'no_item' | 'expired' | 'not_shareable' | 'disabled' };

/** A new link for (item, rep), if the item exists in the rep's org and may be shared. */
export async function createShareLink(
  db: Kysely<Database>,
  request: { orgId: string; userId: string; itemId: string; stage?: JourneyStage | undefined; site?: Site | undefined },
  now: Date = new Date(),
): Promise<CreateResult> {
  const org = await db.selectFrom('orgs').select('settings').where('id', '=', request.orgId).executeTakeFirstOrThrow();
  const settings = orgSettings(org);
  if (settings.shareLinks === false) return { ok: false, reason: 'disabled' };
  const item = await liveItem(db, request.orgId, request.itemId);
  if (!item) return { ok: false, reason: 'no_item' };
  if (item.expires !== undefined && item.expires < now.toISOString().slice(0, 10)) return { ok: false, reason: 'expired' };
  if (!isShareable(item)) return { ok: false, reason: item.shareable === false ? 'disabled' : 'not_shareable' };
  const link: ShareLinkRow = {
    slug: newSlug(),
    org_id: request.orgId,
    user_id: request.userId,
    content_id: item.id,
    content_type: item.type,
    stage: request.stage ?? null,
    site: request.site ?? null,
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + LINK_LIFETIME_DAYS * 86_400_000).toISOString(),
    revoked_at: null,
    views: 0,
    first_opened_at: null,
    last_opened_at: null,
  };
  await db.insertInto('share_links').values(link).execute();
  return { ok: true, link };
}

/** The org's live item with this id, parsed; undefined when absent, deleted or unreadable. */
export async function liveItem(db: Kysely<Database>, orgId: string, itemId: string): Promise<ContentItem | undefined> {
  const row = await db
    .selectFrom('content_items')
    .select('item')
    .where('org_id', '=', orgId)
    .where('id', '=', itemId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  try {
    const parsed = contentItemSchema.safeParse(JSON.parse(row.item));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export type LinkState =
  { state: 'unknown' } | { state: 'gone'; link: ShareLinkRow } | { state: 'live'; link: ShareLinkRow; item: ContentItem; settings: OrgSettings };

/**
 * What a public request for a slug finds: nothing; a link that no longer leads anywhere
 * (revoked, expired, its item removed, expired or no longer shareable, sharing turned off);
 * or a live link with its item.
 */
export async function resolveLink(db: Kysely<Database>, slug: string, now: Date = new Date()): Promise<LinkState> {
  if (!isSlug(slug)) return { state: 'unknown' };
  const link = await db.selectFrom('share_links').selectAll().where('slug', '=', slug).executeTakeFirst();
  if (!link) return { state: 'unknown' };
  if (link.revoked_at !== null || link.expires_at <= now.toISOString()) return { state: 'gone', link };
  const org = await db.selectFrom('orgs').select('settings').where('id', '=', link.org_id).executeTakeFirstOrThrow();
  const settings = orgSettings(org);
  const item = await liveItem(db, link.org_id, link.content_id);
  if (!item || !isShareable(item, settings)) return { state: 'gone', link };
  if (item.expires !== undefined && item.expires < now.toISOString().slice(0, 10)) return { state: 'gone', link };
  return { state: 'live', link, item, settings };
}

/**
 * Stores one request for a link: time, device class, counted or why not. A counted view
 * bumps the link's counters in the same transaction.
 */
export async function recordView(
  db: Kysely<Database>,
  slug: string,
  view: { device: 'desktop' | 'mobile'; reason: FilterReason | null },
  now: Date = new Date(),
): Promise<void> {
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('share_link_views')
      .values({ id: randomUUID(), slug, at, device: view.device, counted: view.reason === null ? 1 : 0, reason: view.reason ?? '' })
      .execute();
    if (view.reason !== null) return;
    await trx
      .updateTable('share_links')
      .set((eb) => ({
        views: eb('views', '+', 1),
        first_opened_at: eb.fn.coalesce('first_opened_at', eb.val(at)),
        last_opened_at: at,
      }))
      .where('slug', '=', slug)
      .execute();
  });
}

/** The views stored for a link, oldest first (tests and operators: what a view records). */
export async function linkViews(db: Kysely<Database>, slug: string) {
  return db.selectFrom('share_link_views').select(['at', 'device', 'counted', 'reason']).where('slug', '=', slug).orderBy('at').orderBy('id').execute();
}

/** Revokes a link the caller owns (or any in the org, for an admin). False when there is none to revoke. */
export async function revokeShareLink(
  db: Kysely<Database>,
  who: { orgId: string; userId: string; admin: boolean },
  slug: string,
  now: Date = new Date(),
): Promise<'revoked' | 'not_found' | 'not_owner'> {
  if (!isSlug(slug)) return 'not_found';
  const link = await db.selectFrom('share_links').select(['user_id', 'revoked_at']).where('slug', '=', slug).where('org_id', '=', who.orgId).executeTakeFirst();
  if (!link) return 'not_found';
  if (!who.admin && link.user_id !== who.userId) return 'not_owner';
  if (link.revoked_at === null) {
    await db.updateTable('share_links').set({ revoked_at: now.toISOString() }).where('slug', '=', slug).execute();
  }
  return 'revoked';
}

/** The rep's links, newest first, as the API lists them. */
export async function listShareLinks(db: Kysely<Database>, orgId: string, userId: string, baseUrl: string, now: Date = new Date()): Promise<ShareLink[]> {
  const rows = await db
    .selectFrom('share_links as l')
    .leftJoin('content_items as i', (j) => j.onRef('i.org_id', '=', 'l.org_id').onRef('i.id', '=', 'l.content_id'))
    .innerJoin('orgs as o', 'o.id', 'l.org_id')
    .select([
      'l.slug',
      'l.content_id',
      'l.content_type',
      'l.created_at',
      'l.expires_at',
      'l.revoked_at',
      'l.views',
      'l.first_opened_at',
      'l.last_opened_at',
      'i.item',
      'i.deleted_at',
      'o.settings',
    ])
    .where('l.org_id', '=', orgId)
    .where('l.user_id', '=', userId)
    .orderBy('l.created_at', 'desc')
    .orderBy('l.slug')
    .limit(1000)
    .execute();
  const today = now.toISOString().slice(0, 10);
  return rows.map((row) => {
    let item: ContentItem | undefined;
    if (row.item && row.deleted_at === null) {
      try {
        const parsed = contentItemSchema.safeParse(JSON.parse(row.item));
        if (parsed.success) item = parsed.data;
      } catch {
        item = undefined;
      }
    }
    const status: ShareLink['status'] =
      row.revoked_at !== null
        ? 'revoked'
        : !item || !isShareable(item, orgSettings(row))
          ? 'gone'
          : row.expires_at <= now.toISOString() || (item.expires !== undefined && item.expires < today)
            ? 'expired'
            : 'active';
    return {
      slug: row.slug,
      url: publicLinkUrl(baseUrl, row.slug),
      itemId: row.content_id,
      title: item?.title ?? null,
      type: row.content_type as ContentType,
      createdAt: row.created_at,
      expiresAt: row.expires_at,
      revokedAt: row.revoked_at,
      status,
      views: Number(row.views),
      firstOpenedAt: row.first_opened_at,
      lastOpenedAt: row.last_opened_at,
    };
  });
}

export function publicLinkUrl(baseUrl: string, slug: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/s/${slug}`;
}

/**
 * Counts a request for the public links against its address's bucket for this minute, and
 * says whether it is over `perMinute`. The bucket is 16 bits of a hash of the address and the
 * minute: many addresses share one, so no stored value points back at an address, and the
 * same address lands in another bucket the next minute. Rows of past minutes are deleted.
 */
export async function overRateLimit(db: Kysely<Database>, address: string, perMinute: number, now: Date = new Date()): Promise<boolean> {
  const minute = now.toISOString().slice(0, 16);
  const bucket = createHash('sha256').update(`${minute}|${address}`).digest('hex').slice(0, 4);
  const row = await db
    .insertInto('share_link_hits')
    .values({ bucket, minute, hits: 1 })
    .onConflict((oc) => oc.columns(['bucket', 'minute']).doUpdateSet((eb) => ({ hits: eb('share_link_hits.hits', '+', 1) })))
    .returning('hits')
    .executeTakeFirstOrThrow();
  // The first request of a bucket in a minute sweeps the past minutes: the table stays tiny.
  if (Number(row.hits) === 1) {
    await db.deleteFrom('share_link_hits').where('minute', '<', minute).execute();
  }
  return Number(row.hits) > perMinute;
}
