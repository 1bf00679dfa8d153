import type { Context } from 'hono';
import type { MeResponse } from '../../lib/schema/api';
import type { AuthEnv } from '../http/auth';

/** GET /api/v1/me: who the token belongs to. The options page shows it after Save. */
export function getMe(c: Context<AuthEnv>): Response {
  const p = c.get('principal');
  const body: MeResponse = { user: { email: p.email, role: p.role }, org: { slug: p.orgSlug } };
  return c.json(body);
}
