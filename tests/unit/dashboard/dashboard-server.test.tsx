import { screen, within } from '@testing-library/react';
import { describe, expect, test, vi } from 'vitest';
import { computeStats } from '../../../lib/kpi/compute-stats';
import type { FetchLike } from '../../../lib/dashboard/stats-source';
import { statsQuerySchema, type Stats } from '../../../lib/schema/stats';
import { saveSettings } from '../../../lib/settings';
import { EVENTS, LIBRARY, TODAY } from '../kpi/fixture';
import { jsonResponse, renderDashboard, seededDb } from './support';

const SERVER = 'http://127.0.0.1:8787';

/** What a team server might answer: a payload of the agreed shape with figures no rep has locally. */
function teamPayload(): Stats {
  const stats = computeStats(EVENTS, LIBRARY, statsQuerySchema.parse({ from: '2025-03-05', to: '2025-03-16' }), TODAY);
  return {
    ...stats,
    totals: { ...stats.totals, uses: 99 },
    content: [
      { contentId: 'team-pitch', title: 'Team pitch deck', type: 'deck', owner: 'lead@example.com', inserts: 40, copies: 2, opens: 0, previews: 7, uses: 42 },
    ],
    contentGaps: [{ query: 'gdpr addendum', stageFilter: '', count: 12, lastSeen: '2025-03-15T09:00:00.000Z' }],
  };
}

const section = (name: string) => screen.getByRole('region', { name });

describe('the dashboard with a server and token', () => {
  test('asks the server for the period with the token and shows the team’s figures', async () => {
    await saveSettings({ serverUrl: `${SERVER}/`, token: 'manager-token' });
    const fetch = vi.fn<FetchLike>(async () => jsonResponse(teamPayload()));
    renderDashboard(await seededDb(EVENTS), { fetch });

    // shown as the manager would write it, without the trailing slash
    expect(await screen.findByText(`Team figures from ${SERVER}`)).toBeInTheDocument();
    expect(fetch).toHaveBeenCalledWith(`${SERVER}/api/v1/stats?from=2025-03-05&to=2025-03-16&bucket=day`, expect.anything());
    const init = fetch.mock.calls[0]![1]!;
    expect(new Headers(init.headers).get('Authorization')).toBe('Bearer manager-token');

    const top = within(section('Top content')).getAllByRole('row')[1]!;
    expect(top).toHaveTextContent('Team pitch deck');
    expect(within(top).getAllByRole('cell').at(-1)).toHaveTextContent('42');
    expect(within(section('Searches with no results')).getByText('gdpr addendum')).toBeInTheDocument();
    expect(within(screen.getByLabelText('Key figures')).getByText('99')).toBeInTheDocument();
    // local figures are not mixed in
    expect(screen.queryByText('ROI follow-up email')).not.toBeInTheDocument();
  });

  test('a rep token (403) falls back to the rep’s own figures, and says so', async () => {
    await saveSettings({ serverUrl: SERVER, token: 'rep-token' });
    const fetch = vi.fn<FetchLike>(async () => jsonResponse({ error: { code: 'forbidden', message: 'managers only' } }, 403));
    renderDashboard(await seededDb(EVENTS), { fetch });

    expect(await screen.findByRole('alert')).toHaveTextContent('Team figures need a manager token — showing your own');
    expect(screen.getByText('Your own activity on this browser')).toBeInTheDocument();
    expect(within(section('Top content')).getAllByRole('row')[1]).toHaveTextContent('ROI follow-up email');
  });

  test('an unreachable server falls back to local figures, naming the server', async () => {
    await saveSettings({ serverUrl: SERVER, token: 'manager-token' });
    const fetch = vi.fn<FetchLike>(() => Promise.reject(new TypeError('Failed to fetch')));
    renderDashboard(await seededDb(EVENTS), { fetch });

    expect(await screen.findByRole('alert')).toHaveTextContent(`The server at ${SERVER} is unreachable — showing your own activity`);
    expect(within(section('Top content')).getAllByRole('row')[1]).toHaveTextContent('ROI follow-up email');
  });

  test('a payload of the wrong shape is not shown as figures', async () => {
    await saveSettings({ serverUrl: SERVER, token: 'manager-token' });
    const broken = { ...teamPayload(), totals: { uses: 'many' } };
    renderDashboard(await seededDb(EVENTS), { fetch: vi.fn<FetchLike>(async () => jsonResponse(broken)) });

    expect(await screen.findByRole('alert')).toHaveTextContent("The server's figures could not be read");
    expect(screen.queryByText('Team pitch deck')).not.toBeInTheDocument();
    expect(within(section('Top content')).getAllByRole('row')[1]).toHaveTextContent('ROI follow-up email');
  });

  test('a server error names its status', async () => {
    await saveSettings({ serverUrl: SERVER, token: 'manager-token' });
    renderDashboard(await seededDb(EVENTS), { fetch: vi.fn<FetchLike>(async () => new Response('oops', { status: 503 })) });
    expect(await screen.findByRole('alert')).toHaveTextContent('The server could not give its figures (HTTP 503)');
  });
});
