import { addDays } from '../kpi/days';
import { statsQuerySchema, statsQueryToSearchParams, type StatsQuery } from '../schema/stats';

/** The periods a manager picks most; each ends today (UTC) and counts today in. */
export const RANGE_PRESETS = [7, 30, 90] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number] | 'custom';

export function presetRange(days: number, today: string): Pick<StatsQuery, 'from' | 'to'> {
  return { from: addDays(today, -(days - 1)), to: today };
}

/** Which preset a range is, so the picker shows "Last 30 days" rather than two bare dates. */
export function presetOf(query: Pick<StatsQuery, 'from' | 'to'>, today: string): RangePreset {
  return RANGE_PRESETS.find((days) => query.to === today && query.from === presetRange(days, today).from) ?? 'custom';
}

/**
 * The query a dashboard opens with: the page's own URL (`?from=…&to=…&stage=…`, so a view
 * can be bookmarked or linked from the side panel), else the last 30 days.
 */
export function initialQuery(search: string, today: string): StatsQuery {
  const params = new URLSearchParams(search);
  if (params.has('from') && params.has('to')) {
    const parsed = statsQuerySchema.safeParse(Object.fromEntries(params));
    if (parsed.success) return parsed.data;
  }
  return statsQuerySchema.parse({ ...presetRange(30, today), bucket: 'day' });
}

export function querySearch(query: StatsQuery): string {
  return `?${statsQueryToSearchParams(query)}`;
}
