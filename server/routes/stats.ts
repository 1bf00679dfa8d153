import type { Context } from 'hono';
import { ApiProblem } from '../http/api-problem';
import type { AuthEnv } from '../http/auth';

/**
 * GET /api/v1/stats?from=&to=: the KPI aggregates of the caller's org (manager and admin; the
 * role check is in front of this handler). The aggregation itself lives in lib/kpi/ and is
 * not written yet; until it is, the route says so plainly.
 */
export function getStats(_c: Context<AuthEnv>): Response {
  throw new ApiProblem(501, 'not_implemented', 'stats are not available on this server yet');
}
