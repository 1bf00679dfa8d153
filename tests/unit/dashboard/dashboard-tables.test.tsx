import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { UsageEvent } from '../../../lib/schema/events';
import { EVENTS, LIBRARY } from '../kpi/fixture';
import { readBlob, renderDashboard, seededDb } from './support';

const section = (name: string) => screen.getByRole('region', { name });
const titles = (region: HTMLElement) =>
  within(within(region).getByRole('table'))
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell')[0]!.textContent);

describe('sorting a table', () => {
  test('a header click sorts by that column and says so with aria-sort', async () => {
    renderDashboard(await seededDb(EVENTS));
    await screen.findByText('ROI follow-up email');
    const top = section('Top content');
    const header = (name: string) => within(top).getByRole('columnheader', { name: new RegExp(`^${name}`) });

    // rows arrive most used first
    expect(header('Uses')).toHaveAttribute('aria-sort', 'descending');
    expect(header('Title')).toHaveAttribute('aria-sort', 'none');

    await userEvent.click(within(header('Title')).getByRole('button'));
    expect(header('Title')).toHaveAttribute('aria-sort', 'ascending');
    expect(header('Uses')).toHaveAttribute('aria-sort', 'none');
    expect(titles(top)).toEqual([
      'Acme battlecard',
      'Cold chain ebook',
      'deleted-item (no longer in the library)',
      'Intro snippet',
      'Northwind case study',
      'Pricing deck',
      'ROI follow-up email',
    ]);

    await userEvent.click(within(header('Title')).getByRole('button'));
    expect(header('Title')).toHaveAttribute('aria-sort', 'descending');
    expect(titles(top)[0]).toBe('ROI follow-up email');

    // a count column sorts biggest first on the first click: previews 2, 1, 1, 0…
    await userEvent.click(within(header('Previews')).getByRole('button'));
    expect(titles(top)[0]).toBe('Acme battlecard');
  });

  test('sorting works from the keyboard', async () => {
    renderDashboard(await seededDb(EVENTS));
    await screen.findByText('ROI follow-up email');
    const owner = within(section('Top content')).getByRole('columnheader', { name: /^Owner/ });
    within(owner).getByRole('button').focus();
    await userEvent.keyboard('{Enter}');
    expect(owner).toHaveAttribute('aria-sort', 'ascending');
  });
});

describe('a long list', () => {
  test('shows ten rows until the manager asks for all', async () => {
    // 7 fixture items + 12 unused ones: 2 + 12 = 14 never used
    const extra = Array.from({ length: 12 }, (_, i) => ({
      id: `unused-${String(i + 1).padStart(2, '0')}`,
      title: `Unused item ${String(i + 1).padStart(2, '0')}`,
      type: 'guide' as const,
      owner: 'olga@example.com',
      stages: ['awareness' as const],
    }));
    renderDashboard(await seededDb(EVENTS, [], [...LIBRARY, ...extra]));
    const neverUsed = await screen.findByRole('region', { name: 'Never used' });
    await within(neverUsed).findByText('Items without a single use in this period: 14 of 19 (74%)');
    expect(within(neverUsed).getAllByRole('row')).toHaveLength(1 + 10);

    await userEvent.click(within(neverUsed).getByRole('button', { name: 'Show all 14 rows' }));
    expect(within(neverUsed).getAllByRole('row')).toHaveLength(1 + 14);
    expect(within(neverUsed).getByRole('button', { name: 'Show fewer rows' })).toHaveAttribute('aria-expanded', 'true');
  });
});

describe('Export CSV', () => {
  let blobs: Blob[];
  let downloads: string[];

  beforeEach(() => {
    blobs = [];
    downloads = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return `blob:quiver/${blobs.length}`;
    });
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push(this.download);
    });
  });
  afterEach(() => vi.restoreAllMocks());

  test('downloads the content gaps as shown, escaped, with formulas defused', async () => {
    // one more no-result search whose text a spreadsheet would run as a formula
    const formula: UsageEvent = {
      id: '00000000-0000-4000-8000-000000000999',
      kind: 'search_no_results',
      at: '2025-03-12T08:00:00Z',
      user: 'anna@example.com',
      query: '=HYPERLINK("http://evil.example")',
      resultCount: 0,
    };
    renderDashboard(await seededDb([...EVENTS, formula]));
    await screen.findByText('pricing germany');
    await userEvent.click(within(section('Searches with no results')).getByRole('button', { name: 'Export CSV' }));

    expect(downloads).toEqual(['quiver-2025-03-05-2025-03-16-searches-with-no-results.csv']);
    expect(blobs[0]!.type).toBe('text/csv;charset=utf-8');
    const lines = (await readBlob(blobs[0]!)).split('\r\n');
    expect(lines).toEqual([
      'Query,Stage filter,Searches,Last searched',
      'pricing germany,Conversion,2,2025-03-06T09:01:00.000Z',
      'soc2 report,"Interest, Engagement",2,2025-03-10T08:00:00.000Z',
      ',Any stage,1,2025-03-13T10:30:00.000Z',
      `"'=HYPERLINK(""http://evil.example"")",Any stage,1,2025-03-12T08:00:00.000Z`,
      'soc2 report,Any stage,1,2025-03-10T08:01:00.000Z',
      '',
    ]);
  });

  test('follows the order the manager sorted the table into', async () => {
    renderDashboard(await seededDb(EVENTS));
    await screen.findByText('ROI follow-up email');
    const top = section('Top content');
    await userEvent.click(within(top).getByRole('button', { name: /^Title/ }));
    await userEvent.click(within(top).getByRole('button', { name: 'Export CSV' }));

    const lines = (await readBlob(blobs[0]!)).trimEnd().split('\r\n');
    expect(lines[0]).toBe('Title,Type,Owner,Inserts,Copies,Link opens,Previews,Uses');
    expect(lines[1]).toBe('Acme battlecard,Battlecard,olga@example.com,2,0,1,2,3');
    // the removed item exports its id and empty cells, not a dash
    expect(lines[3]).toBe('deleted-item,,,0,1,0,0,1');
    expect(lines).toHaveLength(8);
  });

  test('takes every row, not only the ten on screen', async () => {
    const extra = Array.from({ length: 12 }, (_, i) => ({
      id: `unused-${String(i + 1).padStart(2, '0')}`,
      title: `Unused item ${i + 1}`,
      type: 'guide' as const,
      owner: 'olga@example.com',
      stages: ['awareness' as const],
    }));
    renderDashboard(await seededDb(EVENTS, [], [...LIBRARY, ...extra]));
    const neverUsed = await screen.findByRole('region', { name: 'Never used' });
    await within(neverUsed).findByText('Unused item 1');
    await userEvent.click(within(neverUsed).getByRole('button', { name: 'Export CSV' }));
    const lines = (await readBlob(blobs[0]!)).trimEnd().split('\r\n');
    // header + 14 items, by id: old-ebook, referral-guide, unused-01…unused-12
    expect(lines).toHaveLength(15);
    expect(lines[1]).toBe('Cold chain ebook,E-book,maria@example.com');
    expect(lines[14]).toBe('Unused item 12,Guide,olga@example.com');
  });
});
