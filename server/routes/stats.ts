import type { Context } from 'hono';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { parseStatsSearchParams } from '../../lib/schema/stats';
import type { Database } from '../db/schema';
import { ApiProblem } from '../http/api-problem';
import type { AuthEnv } from '../http/auth';
import { serverStats } from '../stats/server-stats';

export interface StatsRouteOptions {
  /** The UTC day (YYYY-MM-DD) governance is judged on; the server's own date unless a test says. */
  today?: () => string;
}

const utcToday = () => new Date().toISOString().slice(0, 10);

/**
 * GET /api/v1/stats?from=&to=&stage=&site=&type=&user=&bucket=: the KPI aggregates of the
 * caller's org (manager and admin; the role check is in front of this handler), computed in
 * SQL by server/stats/. Without from/to, the last 30 days; days or ISO timestamps. A query the
 * schema refuses is a 400 naming the parameter.
 */
export function getStats(db: Kysely<Database>, { today = utcToday }: StatsRouteOptions = {}) {
  return async (c: Context<AuthEnv>): Promise<Response> => {
    const params = new URL(c.req.url).searchParams;
    const day = today();
    const parsed = parseStatsSearchParams(params, day);
    if (!parsed.success) throw new ApiProblem(400, 'invalid_query', problemOf(parsed.error.issues[0]));
    const stats = await serverStats(db, c.get('principal').orgId, parsed.data, day);
    // Figures of one org, for one token: never from a shared cache.
    c.header('Cache-Control', 'private, no-store');
    c.header('Vary', 'Authorization', { append: true });
    return c.json(stats);
  };
}

/** `from: must be a date written YYYY-MM-DD`, or which parameters are unknown. */
function problemOf(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return 'the query is not valid';
  if (issue.code === 'unrecognized_keys') {
    return `unknown parameter${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}; use from, to, stage, site, type, user, bucket`;
  }
  const param = issue.path.map(String).join('.');
  if (param === '') return issue.message;
  // The schema's own range messages already start with the parameter ("from must not be after to").
  return issue.message.startsWith(`${param} `) ? issue.message : `${param}: ${issue.message}`;
}
