import type { Context } from 'hono';
import type { Kysely } from 'kysely';
import { createLinkRequestSchema, type LinksResponse, type ShareLink } from '../../lib/schema/links';
import type { Database } from '../db/schema';
import { ApiProblem } from '../http/api-problem';
import type { AuthEnv } from '../http/auth';
import { readJson } from '../http/read-json';
import { createShareLink, listShareLinks, revokeShareLink } from '../store/share-links';

export interface LinkRouteOptions {
  /** The links' public base URL (`--public-url`); the request's own origin when absent. */
  publicUrl?: string | undefined;
}

const baseOf = (c: Context, options: LinkRouteOptions) => options.publicUrl ?? new URL(c.req.url).origin;

const REFUSALS = {
  no_item: [404, 'no_such_item', 'there is no such item in your library'],
  expired: [409, 'item_expired', 'the item has expired and cannot be shared'],
  not_shareable: [409, 'not_shareable', 'only case studies, decks, one-pagers, guides, e-books and videos with a link or a body can be shared'],
  disabled: [403, 'share_links_disabled', 'your admin has turned share links off for this item or your team'],
} as const;

/** POST /api/v1/links `{itemId, stage?, site?}` → 201 `{url, slug, …}`: a new link for (item, caller). */
export function postLink(db: Kysely<Database>, options: LinkRouteOptions = {}) {
  return async (c: Context<AuthEnv>): Promise<Response> => {
    const parsed = createLinkRequestSchema.safeParse(await readJson(c));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ApiProblem(400, 'invalid_request', issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : 'send {"itemId": "…"}');
    }
    const { orgId, userId } = c.get('principal');
    const created = await createShareLink(db, { orgId, userId, ...parsed.data });
    if (!created.ok) {
      const [status, code, message] = REFUSALS[created.reason];
      throw new ApiProblem(status, code, message);
    }
    const link = (await listShareLinks(db, orgId, userId, baseOf(c, options))).find((l) => l.slug === created.link.slug);
    c.header('Cache-Control', 'no-store');
    return c.json(link satisfies ShareLink | undefined, 201);
  };
}

/** GET /api/v1/links: the caller's links with their counted views, newest first. */
export function getLinks(db: Kysely<Database>, options: LinkRouteOptions = {}) {
  return async (c: Context<AuthEnv>): Promise<Response> => {
    const { orgId, userId } = c.get('principal');
    const body: LinksResponse = { links: await listShareLinks(db, orgId, userId, baseOf(c, options)) };
    c.header('Cache-Control', 'private, no-store');
    c.header('Vary', 'Authorization', { append: true });
    return c.json(body);
  };
}

/** DELETE /api/v1/links/:slug: revoke (its rep, or an admin of the org). */
export function deleteLink(db: Kysely<Database>) {
  return async (c: Context<AuthEnv>): Promise<Response> => {
    const { orgId, userId, role } = c.get('principal');
    const result = await revokeShareLink(db, { orgId, userId, admin: role === 'admin' }, c.req.param('slug') ?? '');
    if (result === 'not_found') throw new ApiProblem(404, 'no_such_link', 'there is no such link in your team');
    if (result === 'not_owner') throw new ApiProblem(403, 'forbidden', 'only the rep who created a link, or an admin, can revoke it');
    return c.body(null, 204);
  };
}
