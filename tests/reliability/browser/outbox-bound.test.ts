import { afterAll, beforeAll, expect, test } from 'vitest';
import { OUTBOX_LIMIT } from '../../../lib/events/outbox';
import { usageEvents } from '../support/browser-events';
import { outboxIds, queueEvents, readMeta, readStore } from '../../e2e/support/idb';
import { launchAttackSession, until, type AttackSession } from '../support/browser-session';
import { recordFigures } from '../support/figures';

/*
 * Item 5, the outbox bound at its real size in Chromium: a rep with no server (or one that is
 * down for weeks) fills the outbox to OUTBOX_LIMIT; the next thing they do in the panel is
 * still recorded, the oldest event makes room, the drop is counted, and the options page says
 * so. (tests/server/event-upload.test.ts checks the same rule with a small limit.)
 *
 * Filling 50,000 rows takes Chromium's IndexedDB about 15 s here, so this runs in
 * `npm run reliability` (QUIVER_RELIABILITY_LONG=1), not in `npm test`.
 */
const LONG = process.env.QUIVER_RELIABILITY_LONG === '1';

let session: AttackSession;
beforeAll(async () => {
  if (!LONG) return;
  session = await launchAttackSession();
  await until(
    () => readStore(session.seat, 'items'),
    (rows) => rows.length > 0,
    'the demo library',
  );
});
afterAll(async () => {
  await session?.close();
});

test.runIf(LONG)(`a full outbox (${OUTBOX_LIMIT.toLocaleString('en')} events) keeps the newest, counts what it drops, and says so`, async () => {
  const queued = usageEvents(OUTBOX_LIMIT);
  for (let i = 0; i < queued.length; i += 5000) await queueEvents(session.seat, queued.slice(i, i + 5000));
  expect((await outboxIds(session.seat)).length).toBe(OUTBOX_LIMIT);

  // The rep opens the panel and previews an item: recorded, over the bound.
  const panel = await session.openPage('sidepanel.html');
  await panel.getByRole('list', { name: 'Results' }).getByRole('listitem').first().waitFor({ timeout: 20_000 });
  await panel.getByRole('list', { name: 'Results' }).locator('.result-title').first().click();
  await panel.getByRole('region', { name: 'Preview' }).waitFor();
  const dropped = await until(
    () => readMeta<number>(session.seat, 'outboxDropped'),
    (n) => (n ?? 0) > 0,
    'a dropped event',
  );

  const rows = await readStore<{ id: string; event: { kind: string } }>(session.seat, 'outbox');
  const ids = new Set(rows.map((r) => r.id));
  const oldestGone = queued.slice(0, dropped!).every((e) => !ids.has(e.id));
  const restKept = queued.slice(dropped!).every((e) => ids.has(e.id));
  const options = await session.openPage('options.html');
  const warning = await options.getByText(/older events were dropped because the queue was full/).innerText();
  recordFigures([
    {
      item: '5',
      name: `outbox at its bound (${OUTBOX_LIMIT.toLocaleString('en')}) · events queued after a new one`,
      value: rows.length,
      atLeast: OUTBOX_LIMIT,
      atMost: OUTBOX_LIMIT,
    },
    {
      item: '5',
      name: 'outbox at its bound · dropped events not counted, or newer ones dropped',
      value: Number(!oldestGone) + Number(!restKept),
      atLeast: 0,
      atMost: 0,
    },
  ]);
  expect(rows.length).toBe(OUTBOX_LIMIT);
  expect(oldestGone && restKept).toBe(true);
  expect(rows.some((r) => r.event.kind === 'preview')).toBe(true);
  expect(warning).toBe(`${dropped} older events were dropped because the queue was full.`);
});
