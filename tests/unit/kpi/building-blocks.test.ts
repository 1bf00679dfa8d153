import { describe, expect, test } from 'vitest';
import { isUse } from '../../../lib/kpi/activity-counts';
import { compareText } from '../../../lib/kpi/compare';
import { stageFilterKey } from '../../../lib/kpi/content-gaps';
import { addDays, dayOfIso, isoOfDay, mondayOf } from '../../../lib/kpi/days';
import { nearestRank } from '../../../lib/kpi/percentile';
import { EVENT_KINDS, USE_KINDS } from '../../../lib/schema/events';
import { parseStatsSearchParams, statsQuerySchema, statsQueryToSearchParams } from '../../../lib/schema/stats';

describe('nearest-rank percentiles', () => {
  test('take the value at index ceil(P·n/100) − 1, never an interpolation', () => {
    expect(nearestRank([10, 20, 30, 40], 50)).toBe(20); // ceil(2) − 1 = 1
    expect(nearestRank([10, 20, 30, 40, 50], 50)).toBe(30); // ceil(2.5) − 1 = 2
    expect(nearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9); // ceil(9) − 1 = 8
    expect(nearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 90)).toBe(10); // ceil(9.9) − 1 = 9
    expect(nearestRank([7], 90)).toBe(7);
    expect(nearestRank([], 50)).toBeNull();
  });
});

describe('UTC days and Monday weeks', () => {
  test('a Sunday belongs to the week of the Monday before it', () => {
    expect(isoOfDay(mondayOf(dayOfIso('2025-03-16')))).toBe('2025-03-10');
    expect(isoOfDay(mondayOf(dayOfIso('2025-03-10')))).toBe('2025-03-10');
    // across a year boundary and before 1970's first Monday
    expect(isoOfDay(mondayOf(dayOfIso('2025-01-01')))).toBe('2024-12-30');
    expect(isoOfDay(mondayOf(dayOfIso('1970-01-01')))).toBe('1969-12-29');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
  });
});

describe('text order shared with SQLite', () => {
  test('compares by code point, so an emoji sorts after U+FFFD as in UTF-8', () => {
    expect(compareText('\ufffd', '😀')).toBeLessThan(0);
    expect(compareText('a', 'ab')).toBeLessThan(0);
    expect(compareText('B', 'a')).toBeLessThan(0);
    expect(compareText('x', 'x')).toBe(0);
  });
});

describe('what counts as a use', () => {
  test('exactly the USE_KINDS of the event schema', () => {
    expect(EVENT_KINDS.filter(isUse)).toEqual([...USE_KINDS]);
  });

  test('a stage filter is written in journey order without repeats', () => {
    expect(stageFilterKey({ stages: ['conversion', 'awareness', 'conversion'], types: [] })).toBe('awareness,conversion');
    expect(stageFilterKey(undefined)).toBe('');
  });
});

describe('the stats query', () => {
  test('round-trips through URL parameters, empty values meaning no filter', () => {
    const query = statsQuerySchema.parse({ from: '2025-03-01', to: '2025-03-31', stage: 'interest', bucket: 'week' });
    expect(statsQueryToSearchParams(query).toString()).toBe('from=2025-03-01&to=2025-03-31&stage=interest&bucket=week');
    const parsed = parseStatsSearchParams(new URLSearchParams('from=2025-03-01&to=2025-03-31&stage=&site=&type=&user=&bucket='), '2025-04-01');
    expect(parsed.success && parsed.data).toEqual({ from: '2025-03-01', to: '2025-03-31', bucket: 'day' });
  });

  test('refuses a backwards range, an unreal date, a range over two years and unknown filters', () => {
    expect(statsQuerySchema.safeParse({ from: '2025-03-02', to: '2025-03-01' }).success).toBe(false);
    expect(statsQuerySchema.safeParse({ from: '2025-02-30', to: '2025-03-01' }).success).toBe(false);
    expect(statsQuerySchema.safeParse({ from: '2023-01-01', to: '2024-12-31' }).success).toBe(true); // 731 days
    expect(statsQuerySchema.safeParse({ from: '2023-01-01', to: '2025-01-01' }).success).toBe(false); // 732
    expect(statsQuerySchema.safeParse({ from: '2025-03-01', to: '2025-03-02', stage: 'closing' }).success).toBe(false);
    expect(parseStatsSearchParams(new URLSearchParams('from=2025-03-01&to=2025-03-02&team=x'), '2025-04-01').success).toBe(false);
  });
});
