// Stats over a large event log: `npx tsx tests/server/stats-timing.ts [events] [items]`.
// A measurement, not a test: GET /api/v1/stats on loopback, the server's SQL doing the work.
import { CONTENT_TYPES, JOURNEY_STAGES } from '../../lib/schema/content';
import type { UsageEvent } from '../../lib/schema/events';
import { SITES } from '../../lib/schema/page-context';
import { ensureOrg } from '../../server/store/orgs';
import { createAccessToken } from '../../server/store/tokens';
import { storeUsageEvents } from '../../server/store/usage-events';
import { contentItem } from './support/content-items';
import { call, startTestServer } from './support/test-server';

const eventCount = Number(process.argv[2] ?? 100_000);
const itemCount = Number(process.argv[3] ?? 2_000);
const reps = 40;
const days = 90;
const start = Date.parse('2025-01-06T00:00:00Z');

// A fixed-seed generator, so every run measures the same data.
let seed = 42;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const KINDS: UsageEvent['kind'][] = [
  'search',
  'search',
  'search_no_results',
  'preview',
  'preview',
  'insert',
  'insert',
  'copy',
  'copy_link',
  'open_asset',
  'expand_shortcut',
  'suggestion_shown',
];

const server = await startTestServer();
const items = Array.from({ length: itemCount }, (_, i) =>
  contentItem(`item-${i}`, {
    type: pick(CONTENT_TYPES),
    stages: [pick(JOURNEY_STAGES), pick(JOURNEY_STAGES)],
    owner: `owner-${i % 25}@example.com`,
    ...(i % 7 === 0 ? { review_by: '2025-02-01' } : {}),
    ...(i % 11 === 0 ? { expires: '2025-03-01' } : {}),
  }),
);
await server.setLibrary('acme', items);
const { org } = await ensureOrg(server.db, 'acme');
const manager = (await createAccessToken(server.db, { orgSlug: 'acme', email: 'lead@acme.test', role: 'manager' })).token;

const loadStarted = performance.now();
for (let r = 0; r < reps; r++) {
  const email = `rep-${r}@acme.test`;
  const { tokenId } = await createAccessToken(server.db, { orgSlug: 'acme', email, role: 'rep' });
  const user = await server.db.selectFrom('access_tokens').select('user_id').where('id', '=', tokenId).executeTakeFirstOrThrow();
  const principal = { userId: user.user_id, email, role: 'rep' as const, orgId: org.id, orgSlug: 'acme' };
  const events: UsageEvent[] = [];
  for (let i = 0; i < eventCount / reps; i++) {
    const kind = pick(KINDS);
    const searching = kind === 'search' || kind === 'search_no_results';
    const item = pick(items);
    events.push({
      id: crypto.randomUUID(),
      kind,
      at: new Date(start + Math.floor(random() * days * 86_400_000)).toISOString(),
      stage: pick(JOURNEY_STAGES),
      site: pick(SITES),
      pageKind: 'compose',
      ...(searching
        ? { query: `query ${Math.floor(random() * 500)}`, resultCount: kind === 'search' ? 5 : 0, filters: { stages: [pick(JOURNEY_STAGES)], types: [] } }
        : { contentId: item.id, contentType: item.type, timeToContentMs: Math.floor(random() * 60_000), stale: random() < 0.1 }),
    });
  }
  for (let i = 0; i < events.length; i += 1000) await storeUsageEvents(server.db, principal, events.slice(i, i + 1000));
}
console.log(`${eventCount} events, ${itemCount} items loaded in ${((performance.now() - loadStarted) / 1000).toFixed(1)} s`);

const cases: [string, string][] = [
  ['all 90 days, by day', 'from=2025-01-06&to=2025-04-05'],
  ['all 90 days, by week', 'from=2025-01-06&to=2025-04-05&bucket=week'],
  ['30 days', 'from=2025-02-01&to=2025-03-02'],
  ['90 days, stage filter', 'from=2025-01-06&to=2025-04-05&stage=interest'],
  ['90 days, one rep', 'from=2025-01-06&to=2025-04-05&user=rep-3@acme.test'],
];
for (const [name, query] of cases) {
  const times: number[] = [];
  let events = 0;
  for (let run = 0; run < 5; run++) {
    const t0 = performance.now();
    const res = await call(`${server.url}/api/v1/stats?${query}`, { token: manager });
    times.push(performance.now() - t0);
    if (res.status !== 200) throw new Error(res.text);
    events = res.json.totals.events;
  }
  times.sort((a, b) => a - b);
  console.log(`${name}: ${events} events in scope, first ${times[0]!.toFixed(0)}…median ${times[2]!.toFixed(0)} ms (5 runs, fastest…median)`);
}
await server.dispose();
