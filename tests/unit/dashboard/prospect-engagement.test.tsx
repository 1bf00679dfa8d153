import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { FetchLike } from '../../../lib/dashboard/stats-source';
import { computeStats } from '../../../lib/kpi/compute-stats';
import type { EngagementLink } from '../../../lib/kpi/engagement';
import { statsQuerySchema } from '../../../lib/schema/stats';
import { saveSettings } from '../../../lib/settings';
import { EVENTS, LIBRARY, TODAY } from '../kpi/fixture';
import { jsonResponse, readBlob, renderDashboard, seededDb } from './support';

/*
 * The dashboard's Prospect engagement section over a team server's payload (built by lib/kpi
 * from share links, as the server's SQL gives it: tests/server/stats-parity.test.ts).
 */

const link = (
  contentId: string,
  createdAt: string,
  views: number,
  firstOpenedAt: string | null,
  stage: EngagementLink['stage'] = 'interest',
): EngagementLink => ({
  user: 'anna@example.com',
  contentId,
  contentType: contentId === 'northwind-case' ? 'case_study' : 'guide',
  stage,
  site: 'gmail',
  createdAt,
  views,
  firstOpenedAt,
});

const LINKS: EngagementLink[] = [
  link('northwind-case', '2025-03-06T10:00:00.000Z', 2, '2025-03-06T12:00:00.000Z'),
  link('northwind-case', '2025-03-07T10:00:00.000Z', 0, null),
  link('northwind-case', '2025-03-08T10:00:00.000Z', 1, '2025-03-08T10:30:00.000Z'),
  link('referral-guide', '2025-03-09T10:00:00.000Z', 0, null, 'advocacy'),
];

const section = (name: string) => screen.getByRole('region', { name });

describe('Prospect engagement', () => {
  let blobs: Blob[];
  beforeEach(() => {
    blobs = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return `blob:quiver/${blobs.length}`;
    });
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
  });
  afterEach(() => vi.restoreAllMocks());

  test('shows links shared, the share opened, the median time to first open and the open rate per item, with CSV', async () => {
    await saveSettings({ serverUrl: 'http://127.0.0.1:8787', token: 'manager-token' });
    const payload = computeStats(EVENTS, LIBRARY, statsQuerySchema.parse({ from: '2025-03-05', to: '2025-03-16' }), TODAY, LINKS);
    renderDashboard(await seededDb(EVENTS), { fetch: vi.fn<FetchLike>(async () => jsonResponse(payload)) });
    await screen.findByText('Team figures from http://127.0.0.1:8787');

    const figures = within(section('Prospect engagement')).getByLabelText('Share link figures');
    const tile = (label: string) => within(figures).getByText(label).closest('div')!;
    expect(tile('Links shared')).toHaveTextContent('4');
    expect(tile('Share opened')).toHaveTextContent('50%');
    expect(tile('Share opened')).toHaveTextContent('2 of 4 links');
    // first opens after 30 min and 2 h: the nearest-rank median is 30 min
    expect(tile('Median time to first open')).toHaveTextContent(/30\s*min/);

    const table = within(section('Prospect engagement')).getByRole('table', { name: /per item/ });
    const first = within(table).getAllByRole('row')[1]!;
    expect(
      within(first)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['Northwind case study', 'Case study', '3', '2', '67%', '3']);

    await userEvent.click(within(section('Prospect engagement')).getAllByRole('button', { name: 'Export CSV' })[0]!);
    const lines = (await readBlob(blobs[0]!)).split('\r\n');
    expect(lines[0]).toBe('Title,Type,Links shared,Opened,Open rate,Views');
    expect(lines[1]).toBe(`Northwind case study,Case study,3,2,${2 / 3},3`);
    // Rendering a whole dashboard in jsdom on a busy two-core machine takes seconds.
  }, 20_000);

  test('without a server it says share links need one, instead of showing zeros', async () => {
    renderDashboard(await seededDb(EVENTS));
    await screen.findByText('Your own activity on this browser');
    expect(section('Prospect engagement')).toHaveTextContent('Share links live on the library server');
  });
});
