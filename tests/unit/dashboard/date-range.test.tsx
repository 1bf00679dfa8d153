import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test } from 'vitest';
import { initialQuery, presetOf, presetRange } from '../../../lib/dashboard/date-range';
import { EVENTS } from '../kpi/fixture';
import { renderDashboard, seededDb } from './support';

describe('date range presets', () => {
  test('"last 7 days" ends today and counts today in', () => {
    expect(presetRange(7, '2025-03-20')).toEqual({ from: '2025-03-14', to: '2025-03-20' });
    expect(presetOf({ from: '2025-02-19', to: '2025-03-20' }, '2025-03-20')).toBe(30);
    expect(presetOf({ from: '2025-03-05', to: '2025-03-16' }, '2025-03-20')).toBe('custom');
  });

  test('the page opens on its address, or on the last 30 days when it has none or a bad one', () => {
    expect(initialQuery('?from=2025-03-05&to=2025-03-16&site=gmail&bucket=week', '2025-03-20')).toEqual({
      from: '2025-03-05',
      to: '2025-03-16',
      site: 'gmail',
      bucket: 'week',
    });
    const fallback = { from: '2025-02-19', to: '2025-03-20', bucket: 'day' };
    expect(initialQuery('', '2025-03-20')).toEqual(fallback);
    expect(initialQuery('?from=2025-03-16&to=2025-03-05', '2025-03-20')).toEqual(fallback);
  });

  test('picking a preset asks for that period', async () => {
    const { env } = renderDashboard(await seededDb(EVENTS));
    await screen.findByText('ROI follow-up email');
    expect(screen.getByLabelText('Period')).toHaveValue('custom');
    await userEvent.selectOptions(screen.getByLabelText('Period'), 'Last 7 days');
    expect(env.replaceSearch).toHaveBeenLastCalledWith('?from=2025-03-14&to=2025-03-20&bucket=day');
    // 03-14..03-20 holds x2, the only use of the referral guide (03-17): it moves into Top content
    const top = screen.getByRole('region', { name: 'Top content' });
    expect(await within(top).findByText('Referral programme guide')).toBeInTheDocument();
    expect(within(top).queryByText('Intro snippet')).not.toBeInTheDocument();
  });

  test('a start date after the end date is pointed out, and the figures stay as they were', async () => {
    const { env } = renderDashboard(await seededDb(EVENTS));
    await screen.findByText('ROI follow-up email');
    const from = screen.getByLabelText('From');
    await userEvent.clear(from);
    await userEvent.type(from, '2025-03-20');
    expect(await screen.findByText(/Choose a start date on or before the end date/)).toBeInTheDocument();
    expect(from).toHaveAttribute('aria-invalid', 'true');
    expect(env.replaceSearch).not.toHaveBeenCalled();
  });
});
