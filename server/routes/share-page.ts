import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { deviceClass, filterReason, REPEAT_WINDOW_SECONDS } from '../links/view-filter';
import { gonePage, itemPage, notFoundPage, PAGE_CSP, slowDownPage } from '../links/public-page';
import { overRateLimit, recordView, resolveLink } from '../store/share-links';

export interface SharePageOptions {
  /** Requests within this long of a link's creation are not counted (a gateway scanning outgoing mail). */
  quietMs: number;
  /** Requests per minute from one address bucket before 429. */
  perMinute: number;
  /** Behind a load balancer: the client's address is the last one it appended to X-Forwarded-For. */
  trustProxy?: boolean;
}

export const DEFAULT_SHARE_RATE_PER_MINUTE = 60;

/** The repeat-open cookie: one per link, scoped to the link's own path, holding nothing but "1". */
export const SEEN_COOKIE = 'qv_seen';

/** The cookie's path is /s/<slug>: a browser sends it only with this link. */
function seenRecently(c: Context): boolean {
  return (c.req.header('Cookie') ?? '').split(';').some((part) => part.trim() === `${SEEN_COOKIE}=1`);
}

function addressOf(c: Context, trustProxy: boolean): string {
  const forwarded = trustProxy ? c.req.header('X-Forwarded-For')?.split(',').pop()?.trim() : undefined;
  if (forwarded) return forwarded;
  try {
    return getConnInfo(c).remote.address ?? '';
  } catch {
    return '';
  }
}

/**
 * GET /s/:slug, public. Counts a view (or records why not) and sends the prospect to the
 * item's own URL, or renders its body as a read-only page. Revoked, expired and withdrawn
 * links are a polite 410; anything else a 404 that says nothing about whether a slug exists.
 */
export function sharePage(db: Kysely<Database>, options: SharePageOptions) {
  return async (c: Context): Promise<Response> => {
    c.header('Cache-Control', 'no-store');
    c.header('Content-Security-Policy', PAGE_CSP);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('X-Robots-Tag', 'noindex, nofollow');
    if (await overRateLimit(db, addressOf(c, options.trustProxy ?? false), options.perMinute)) {
      c.header('Retry-After', '60');
      return c.html(slowDownPage(), 429);
    }
    const slug = c.req.param('slug') ?? '';
    const now = new Date();
    const found = await resolveLink(db, slug, now);
    if (found.state === 'unknown') return c.html(notFoundPage(), 404);
    if (found.state === 'gone') return c.html(gonePage(), 410);

    const { link, item } = found;
    const reason = filterReason(
      { method: c.req.method, header: (name) => c.req.header(name), seenRecently: seenRecently(c), now: now.getTime() },
      { createdAt: link.created_at },
      options.quietMs,
    );
    await recordView(db, slug, { device: deviceClass(c.req.header('User-Agent')), reason }, now);
    if (reason === null) {
      const secure = new URL(c.req.url).protocol === 'https:' ? '; Secure' : '';
      c.header('Set-Cookie', `${SEEN_COOKIE}=1; Max-Age=${REPEAT_WINDOW_SECONDS}; Path=/s/${slug}; HttpOnly; SameSite=Lax${secure}`);
    }
    // Only ever the item's own URL, as stored in the library: nothing from the request.
    if (item.url !== undefined) return c.redirect(item.url, 302);
    const org = await db.selectFrom('orgs').select('slug').where('id', '=', link.org_id).executeTakeFirstOrThrow();
    return c.html(itemPage(item, org.slug));
  };
}
