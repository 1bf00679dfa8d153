import type { Context } from 'hono';
import type { Kysely } from 'kysely';
import { parseSiteHealthParams, siteHealthProblem } from '../../lib/schema/site-health';
import type { Database } from '../db/schema';
import { ApiProblem } from '../http/api-problem';
import type { AuthEnv } from '../http/auth';
import { siteHealthReport } from '../stats/site-health';

const utcToday = () => new Date().toISOString().slice(0, 10);

/**
 * GET /api/v1/site-health?from=&to=: adapter success and failure per site, page kind,
 * extension version and UTC day, for the caller's org (manager and admin; the role check is
 * in front of this handler). Without from/to, the last 30 days. A bad query is a 400 naming
 * the parameter.
 */
export function getSiteHealth(db: Kysely<Database>, { today = utcToday }: { today?: () => string } = {}) {
  return async (c: Context<AuthEnv>): Promise<Response> => {
    const params = Object.fromEntries(new URL(c.req.url).searchParams);
    const parsed = parseSiteHealthParams(params, today());
    if (!parsed.success) throw new ApiProblem(400, 'invalid_query', siteHealthProblem(parsed.error.issues, params));
    const report = await siteHealthReport(db, c.get('principal').orgId, parsed.data);
    c.header('Cache-Control', 'private, no-store');
    c.header('Vary', 'Authorization', { append: true });
    return c.json(report);
  };
}
