import { z } from 'zod';
import { CONTENT_TYPES, journeyStageSchema, type ContentItem, type ContentType } from './content';
import { siteSchema } from './page-context';
import type { OrgSettings } from './api';

/*
 * Share links (issue 16): a rep sends an item as `https://<server>/s/<slug>` and learns when it
 * is opened. Payloads of `POST/GET /api/v1/links`, shared by the server and the extension.
 * The server never learns whom a link was for: the rep's label for it stays in the browser.
 */

/** Types a prospect may be sent; templates, snippets, battlecards and playbooks are the team's own. */
export const SHAREABLE_TYPES: readonly ContentType[] = ['case_study', 'deck', 'one_pager', 'guide', 'ebook', 'video'];

/**
 * Whether an item may go out as a share link: a shareable type with a URL or a body, not
 * switched off for the item (`shareable: false`) or for the org (`shareLinks: false`).
 */
export function isShareable(
  item: Pick<ContentItem, 'type' | 'url' | 'body' | 'shareable'>,
  settings: Pick<OrgSettings, 'shareLinks'> | undefined = undefined,
): boolean {
  if (settings?.shareLinks === false || item.shareable === false) return false;
  return SHAREABLE_TYPES.includes(item.type) && (item.url !== undefined || item.body.trim() !== '');
}

/** POST /api/v1/links */
export const createLinkRequestSchema = z
  .object({
    itemId: z.string().min(1).max(200),
    /** The stage and site of the page the rep shares from: engagement by stage, never a person. */
    stage: z.optional(journeyStageSchema),
    site: z.optional(siteSchema),
  })
  .strict();
export type CreateLinkRequest = z.infer<typeof createLinkRequestSchema>;

export const LINK_STATUSES = ['active', 'revoked', 'expired', 'gone'] as const;

export const shareLinkSchema = z.object({
  slug: z.string().min(16).max(64),
  url: z.string().max(2100),
  itemId: z.string().max(200),
  /** The item's title now; null once the item left the library. */
  title: z.string().max(300).nullable(),
  type: z.enum(CONTENT_TYPES),
  createdAt: z.string().max(40),
  expiresAt: z.string().max(40),
  revokedAt: z.string().max(40).nullable(),
  /** active; revoked by its rep or an admin; expired (the link or the item); gone (the item was removed or sharing turned off). */
  status: z.enum(LINK_STATUSES),
  /** Counted views: scanners, previews, prefetches and repeat opens are not. */
  views: z.number().int().nonnegative(),
  firstOpenedAt: z.string().max(40).nullable(),
  lastOpenedAt: z.string().max(40).nullable(),
});
export type ShareLink = z.infer<typeof shareLinkSchema>;

/** The answer to POST /api/v1/links: `{url, slug}` and the rest of the new link. */
export const createLinkResponseSchema = shareLinkSchema;

/** GET /api/v1/links: the caller's links, newest first. */
export const linksResponseSchema = z.object({ links: z.array(shareLinkSchema) });
export type LinksResponse = z.infer<typeof linksResponseSchema>;
