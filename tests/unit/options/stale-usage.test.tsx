import { render, screen } from '@testing-library/react';
import { afterEach, expect, test } from 'vitest';
import { staleItemsUsed, StaleUsage } from '../../../components/options/stale-usage';
import { getDb, seedDemoLibrary } from '../../../lib/db';
import { track } from '../../../lib/events/track';
import { sampleItems } from '../support/items';

afterEach(async () => {
  const db = getDb();
  await Promise.all([db.items.clear(), db.outbox.clear(), db.history.clear(), db.usage.clear(), db.meta.clear()]);
});

test('the options page tells the rep which stale items they used lately', async () => {
  const db = getDb();
  await seedDemoLibrary(db, sampleItems());
  const day = 86_400_000;
  const now = Date.now();
  // Two uses of one stale deck, a preview of it (not a use), and a fresh item used.
  await track(db, { kind: 'insert', contentId: 'old-deck', stale: true }, { logQueries: true, now: new Date(now - 2 * day) });
  await track(db, { kind: 'copy_link', contentId: 'old-deck', stale: true }, { logQueries: true, now: new Date(now - day) });
  await track(db, { kind: 'preview', contentId: 'promo', stale: true }, { logQueries: true });
  await track(db, { kind: 'insert', contentId: 'cold-intro' }, { logQueries: true });
  // Long ago: outside "lately".
  await track(db, { kind: 'insert', contentId: 'referral-ask', stale: true }, { logQueries: true, now: new Date(now - 40 * day) });

  expect(await staleItemsUsed()).toEqual([{ id: 'old-deck', title: 'Corporate overview deck 2025', owner: 'tom.becker@routewise.example' }]);
  render(<StaleUsage />);
  expect(await screen.findByText(/^You used 1 stale item in the last 30 days\./)).toBeVisible();
  expect(screen.getByText('Corporate overview deck 2025 — tom.becker@routewise.example')).toBeVisible();
});
