import { screen, within } from '@testing-library/react';
import { describe, expect, test, vi } from 'vitest';
import { computeSiteHealth } from '../../../lib/kpi/site-health';
import type { FetchLike } from '../../../lib/dashboard/stats-source';
import { siteHealthQuerySchema, type SiteHealthEvent, type SiteHealthProbe } from '../../../lib/schema/site-health';
import { saveSettings } from '../../../lib/settings';
import { EVENTS } from '../kpi/fixture';
import { jsonResponse, renderDashboard, seededDb } from './support';

/*
 * The Site health section (the dashboard's period, 2025-03-05..2025-03-16): the table per day,
 * site, page kind and version, the trend chart, and the site/page kinds flagged for a drop.
 */

const SERVER = 'http://127.0.0.1:8787';

function check(
  day: string,
  site: SiteHealthEvent['site'],
  pageKind: SiteHealthEvent['pageKind'],
  failed: SiteHealthProbe[],
  check: 'page' | 'insert' = 'page',
): SiteHealthEvent {
  return { id: crypto.randomUUID(), kind: 'site_health', day, site, pageKind, version: '1.2.0', check, editorExpected: check === 'page', failed };
}

/** Outlook compose read in full every day of the first week, then its message box gone. */
const CHECKS: SiteHealthEvent[] = [
  ...['2025-03-05', '2025-03-06', '2025-03-07', '2025-03-08', '2025-03-09'].map((d) => check(d, 'outlook', 'compose', [])),
  check('2025-03-12', 'outlook', 'compose', ['editor']),
  check('2025-03-12', 'outlook', 'compose', ['editor']),
  check('2025-03-12', 'outlook', 'compose', []),
  check('2025-03-12', 'outlook', 'compose', ['insert'], 'insert'),
  // Gmail, steady: no flag.
  ...['2025-03-05', '2025-03-06', '2025-03-07', '2025-03-08', '2025-03-09', '2025-03-13'].map((d) => check(d, 'gmail', 'compose', [])),
];

const rows = (checks: SiteHealthEvent[]) => checks.map((event) => ({ id: event.id, at: `${event.day}T00:00:00.000Z`, event }));
const section = () => screen.getByRole('region', { name: 'Site health' });
const shown = () => screen.findByRole('region', { name: 'Site health' }, { timeout: 5000 });

describe('the Site health section', () => {
  test('shows this browser’s checks per day, site, page kind and version, and flags Outlook compose', async () => {
    renderDashboard(await seededDb(EVENTS, rows(CHECKS)));
    await shown();
    const table = await within(section()).findByRole('table', { name: /Site health per day/ }, { timeout: 5000 });
    const outlook = within(table)
      .getAllByRole('row')
      .find((r) => r.textContent?.includes('Outlook') && r.textContent.includes('33.3%'));
    expect(outlook).toBeDefined();
    const cells = within(outlook!)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    // pages seen, context found, editor found (1 of 3), insert failures
    expect(cells.slice(1)).toEqual(['Outlook', 'New message', '1.2.0', '3', '100.0%', '33.3%', '1']);

    const flagged = within(section()).getByRole('list', { name: 'Reading got worse' });
    const items = within(flagged).getAllByRole('listitem');
    expect(items).toHaveLength(1);
    expect(items[0]).toHaveTextContent('Outlook · New message: 33.3% of 3 pages read in full in the last 7 days, down from 100.0% the 7 days before.');
    expect(within(section()).getByText(/Checks from this browser only/)).toBeInTheDocument();
    expect(within(section()).getByText('Pages checked per day: read in full, and with a probe failing')).toBeInTheDocument();
  }, 30_000);

  test('flags nothing when no site got worse', async () => {
    const steady = CHECKS.filter((c) => c.site === 'gmail');
    renderDashboard(await seededDb(EVENTS, rows(steady)));
    await shown();
    await within(section()).findByRole('table', { name: /Site health per day/ }, { timeout: 5000 });
    expect(within(section()).queryByRole('list', { name: 'Reading got worse' })).toBeNull();
  }, 30_000);

  test('says when the period has no checks', async () => {
    renderDashboard(await seededDb(EVENTS));
    await shown();
    expect(await within(section()).findByText(/No site-health checks in this period/, {}, { timeout: 5000 })).toBeInTheDocument();
  }, 30_000);

  test('with a server and a manager token, shows the team’s report from GET /api/v1/site-health', async () => {
    await saveSettings({ serverUrl: SERVER, token: 'manager-token' });
    const team = computeSiteHealth(
      [...CHECKS, ...Array.from({ length: 4 }, () => check('2025-03-14', 'hubspot', 'deal', ['context']))],
      siteHealthQuerySchema.parse({ from: '2025-03-05', to: '2025-03-16' }),
    );
    const fetch = vi.fn<FetchLike>(async (url) =>
      url.includes('/api/v1/site-health') ? jsonResponse(team) : jsonResponse({ error: { code: 'internal', message: 'no stats in this test' } }, 500),
    );
    renderDashboard(await seededDb(EVENTS, rows(CHECKS.filter((c) => c.site === 'gmail'))), { fetch });
    await shown();
    const table = await within(section()).findByRole('table', { name: /Site health per day/ }, { timeout: 5000 });
    expect(fetch).toHaveBeenCalledWith(`${SERVER}/api/v1/site-health?from=2025-03-05&to=2025-03-16`, expect.anything());
    const hubspot = within(table)
      .getAllByRole('row')
      .find((r) => r.textContent?.includes('HubSpot'));
    expect(
      within(hubspot!)
        .getAllByRole('cell')
        .map((c) => c.textContent)
        .slice(1, 6),
    ).toEqual(['HubSpot', 'Deal', '1.2.0', '4', '0.0%']);
    expect(within(section()).queryByText(/Checks from this browser only/)).toBeNull();
  }, 30_000);
});
