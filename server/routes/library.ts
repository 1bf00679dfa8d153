import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import type { Kysely } from 'kysely';
import { LIBRARY_PAGE_DEFAULT_LIMIT, LIBRARY_PAGE_MAX_LIMIT, type LibraryPage } from '../../lib/schema/api';
import type { Database } from '../db/schema';
import { ApiProblem } from '../http/api-problem';
import type { AuthEnv } from '../http/auth';
import { inSnapshot } from '../db/read-snapshot';
import { decodeCursor, encodeCursor } from '../library-cursor';
import { libraryChanges, type LibraryChange } from '../store/library';
import { orgSettings } from '../store/orgs';

/**
 * GET /api/v1/library?cursor=&limit=: what changed or was deleted in the org's library since
 * the cursor, oldest first, in pages. ETag/If-None-Match: asking again about an unchanged
 * library costs a 304 and no item query.
 */
export function getLibrary(db: Kysely<Database>, onPage?: () => void) {
  return async (c: Context<AuthEnv>): Promise<Response> => {
    const { orgId } = c.get('principal');
    const limit = parseLimit(c.req.query('limit'));
    const cursor = c.req.query('cursor') ?? '';

    // The org row and the page from one snapshot: the ETag names exactly what is served.
    const page = await inSnapshot(db, async (trx) => {
      const org = await trx.selectFrom('orgs').select(['library_seq', 'library_epoch', 'settings']).where('id', '=', orgId).executeTakeFirstOrThrow();
      let afterSeq = 0;
      if (cursor !== '') {
        const decoded = decodeCursor(cursor, org.library_epoch, org.library_seq);
        if (!decoded.ok) throw new ApiProblem(400, 'invalid_cursor', decoded.message);
        afterSeq = decoded.seq;
      }
      // Any change to the library moves library_seq, so this names the page's content exactly.
      const etag = `"${createHash('sha256')
        .update([org.library_epoch, org.library_seq, cursor === '' ? '-' : afterSeq, limit, org.settings].join('|'))
        .digest('base64url')
        .slice(0, 27)}"`;
      if (etagMatches(c.req.header('If-None-Match'), etag)) return { etag, org, afterSeq, unchanged: true as const };
      const changes = await libraryChanges(trx, orgId, { afterSeq, limit, withTombstones: cursor !== '' });
      return { etag, org, afterSeq, unchanged: false as const, ...changes };
    });
    c.header('ETag', page.etag);
    c.header('Cache-Control', 'private, no-cache');
    c.header('Vary', 'Authorization', { append: true });
    if (page.unchanged) return c.body(null, 304);

    const { org, afterSeq, changes, hasMore, remaining } = page;
    onPage?.();
    const last = changes[changes.length - 1];
    const settings = orgSettings(org);
    const body: LibraryPage = {
      items: changes.filter((ch) => ch.item !== null).map(libraryItem),
      deleted: changes.filter((ch) => ch.item === null).map((ch) => ch.id),
      cursor: encodeCursor(org.library_epoch, last ? last.seq : afterSeq),
      hasMore,
      remaining,
      settings,
    };
    return c.json(body);
  };
}

function parseLimit(raw: string | undefined): number {
  if (raw === undefined || raw === '') return LIBRARY_PAGE_DEFAULT_LIMIT;
  const limit = /^\d{1,7}$/.test(raw) ? Number(raw) : NaN;
  if (!(limit >= 1 && limit <= LIBRARY_PAGE_MAX_LIMIT)) {
    throw new ApiProblem(400, 'invalid_limit', `limit must be a whole number from 1 to ${LIBRARY_PAGE_MAX_LIMIT}`);
  }
  return limit;
}

/**
 * The stored item with its version. Items are not re-validated here: the client validates
 * each one and reports a bad one by id, which is how an admin learns of it. A row whose text
 * is not even JSON is served as its id and version only, so it is reported the same way.
 */
function libraryItem(change: LibraryChange): unknown {
  let item: unknown;
  try {
    item = JSON.parse(change.item ?? 'null');
  } catch {
    item = undefined;
  }
  const fields = item !== null && typeof item === 'object' && !Array.isArray(item) ? item : { id: change.id };
  return { ...fields, version: change.version, updated_at: change.updated_at };
}

function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}
