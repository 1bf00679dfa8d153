import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test } from 'vitest';
import { EVENTS } from '../kpi/fixture';
import { FIXTURE_SEARCH, renderDashboard, seededDb } from './support';

/*
 * No server configured: the rep's own figures from the outbox. The numbers are those worked
 * out by hand in tests/unit/kpi/compute-stats.test.ts for 2025-03-05..2025-03-16.
 */

const section = (name: string) => screen.getByRole('region', { name });
const bodyRows = (region: HTMLElement, index = 0) => within(within(region).getAllByRole('table')[index]!).getAllByRole('row').slice(1);

describe('the dashboard without a server', () => {
  test('says the figures are the rep’s own and shows every section', async () => {
    renderDashboard(await seededDb(EVENTS));
    expect(await screen.findByText('Your own activity on this browser')).toBeInTheDocument();
    for (const name of [
      'Usage over time',
      'Top content',
      'Usage by stage',
      'Searches with no results',
      'Never used',
      'Time to content',
      'Stale content by owner',
      'Adoption',
    ]) {
      expect(section(name)).toBeInTheDocument();
    }
  });

  test('the key figures: uses, never-used share, no-result searches, median time, reps', async () => {
    // an outbox row that is not a usage event is skipped, not counted and not fatal
    renderDashboard(await seededDb(EVENTS, [{ id: 'broken', at: '2025-03-06T00:00:00Z', event: { kind: 'insert' } }]));
    const figures = await screen.findByLabelText('Key figures');
    const tile = (label: string) => within(figures).getByText(label).closest('div')!;
    expect(tile('Content uses')).toHaveTextContent('16');
    expect(tile('Library never used')).toHaveTextContent('29%'); // 2 of 7
    expect(tile('Library never used')).toHaveTextContent('2 of 7 items');
    expect(tile('Searches with no results')).toHaveTextContent('6');
    expect(tile('Median time to content')).toHaveTextContent('4.0 s');
    expect(tile('Active reps')).toHaveTextContent('4');
  });

  test('top content leads with the most used item and its count', async () => {
    renderDashboard(await seededDb(EVENTS));
    await screen.findByText('ROI follow-up email');
    const [first, second] = bodyRows(section('Top content'));
    // Title, Type, Owner, Inserts, Copies, Link opens, Previews, Uses
    expect(
      within(first!)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['ROI follow-up email', 'Email template', 'maria@example.com', '4', '1', '0', '0', '5']);
    expect(second).toHaveTextContent('Northwind case study');
    // an item removed from the library is still listed, by its id
    expect(within(section('Top content')).getByText('deleted-item (no longer in the library)')).toBeInTheDocument();
  });

  test('content gaps, never-used items, stage usage and stale content by owner', async () => {
    renderDashboard(await seededDb(EVENTS));
    await screen.findByText('ROI follow-up email');

    const gaps = bodyRows(section('Searches with no results'));
    expect(
      within(gaps[0]!)
        .getAllByRole('cell')
        .slice(0, 3)
        .map((c) => c.textContent),
    ).toEqual(['pricing germany', 'Conversion', '2']);
    expect(
      within(gaps[1]!)
        .getAllByRole('cell')
        .slice(0, 3)
        .map((c) => c.textContent),
    ).toEqual(['soc2 report', 'Interest, Engagement', '2']);
    expect(within(section('Searches with no results')).getByText('(query not logged)')).toBeInTheDocument();

    const neverUsed = section('Never used');
    expect(neverUsed).toHaveTextContent('Items without a single use in this period: 2 of 7 (29%)');
    expect(within(neverUsed).getByText('Referral programme guide')).toBeInTheDocument();
    expect(within(neverUsed).getByText('Cold chain ebook')).toBeInTheDocument();
    expect(within(neverUsed).queryByText('ROI follow-up email')).not.toBeInTheDocument();

    // Stage, Items available, Uses, Previews, Searches, No results
    const interest = bodyRows(section('Usage by stage')).find((r) => r.textContent?.startsWith('Interest'))!;
    expect(
      within(interest)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['Interest', '2', '6', '1', '3', '2']);

    const stale = bodyRows(section('Stale content by owner'));
    expect(
      within(stale[0]!)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['ivan@example.com', '2', '1', '1', '2']);
    expect(section('Stale content by owner')).toHaveTextContent('Uses of stale content in this period: 7');
  });

  test('time to content per site, in seconds', async () => {
    renderDashboard(await seededDb(EVENTS));
    await screen.findByText('ROI follow-up email');
    const timing = section('Time to content');
    expect(timing).toHaveTextContent('Median 4.0 s; 90% of inserts and copies within 20.0 s. Timed actions: 14');
    const salesforce = bodyRows(timing, 0).find((r) => r.textContent?.startsWith('Salesforce'))!;
    expect(
      within(salesforce)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['Salesforce', '20.0', '30.0', '3']);
  });

  test('a stage filter narrows every section and is kept in the page address', async () => {
    const { env } = renderDashboard(await seededDb(EVENTS));
    await screen.findByText('Acme battlecard');
    await userEvent.selectOptions(screen.getByLabelText('Stage', { selector: 'select' }), 'Interest');
    // interest uses: roi-email 5 and northwind-case 1 (x3); the battlecard was used at other stages
    await waitFor(() => expect(within(section('Top content')).queryByText('Acme battlecard')).not.toBeInTheDocument());
    const rows = bodyRows(section('Top content'));
    expect(rows.map((r) => within(r).getAllByRole('cell').at(-1)?.textContent)).toEqual(['5', '1']);
    expect(env.replaceSearch).toHaveBeenLastCalledWith(`${FIXTURE_SEARCH}&stage=interest&bucket=day`);
  });

  test('an empty outbox says there is no usage yet instead of showing empty tables', async () => {
    renderDashboard(await seededDb([]));
    expect(await screen.findByText(/^No usage in this period yet\. Inserts, copies/)).toBeInTheDocument();
    expect(within(section('Top content')).getByText('No usage in this period yet.')).toBeInTheDocument();
    expect(within(section('Top content')).queryByRole('table')).not.toBeInTheDocument();
    expect(within(section('Never used')).getByText('Items without a single use in this period: 7 of 7 (100%)')).toBeInTheDocument();
  });
});
