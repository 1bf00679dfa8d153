import { statsSchema, type Stats } from '../../../lib/schema/stats';
import { call } from './test-server';

/** GET /api/v1/stats with these parameters; the body must be a valid Stats payload. */
export async function getStats(baseUrl: string, token: string, params: Record<string, string>): Promise<Stats> {
  const res = await call(`${baseUrl}/api/v1/stats?${new URLSearchParams(params)}`, { token });
  if (res.status !== 200) throw new Error(`GET /api/v1/stats answered ${res.status}: ${res.text}`);
  return statsSchema.parse(res.json);
}
