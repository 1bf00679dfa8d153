import { dayOfIso, isoOfDay, mondayOf } from './days';
import type { StatsQuery, TrendBucket } from '../schema/stats';
import { countActivity, emptyActivity } from './activity-counts';
import type { ScopedEvent } from './event-scope';

/** First days of the buckets overlapping [from, to]: every day, or every Monday on or before. */
export function bucketStarts(from: string, to: string, bucket: StatsQuery['bucket']): number[] {
  const toDay = dayOfIso(to);
  const step = bucket === 'week' ? 7 : 1;
  const first = bucket === 'week' ? mondayOf(dayOfIso(from)) : dayOfIso(from);
  const starts: number[] = [];
  for (let day = first; day <= toDay; day += step) starts.push(day);
  return starts;
}

/** Activity per day or week, empty buckets included so a chart's time axis has no holes. */
export function trend(events: readonly ScopedEvent[], query: StatsQuery): TrendBucket[] {
  const starts = bucketStarts(query.from, query.to, query.bucket);
  const first = starts[0] ?? 0;
  const buckets = starts.map((day) => ({ start: isoOfDay(day), ...emptyActivity() }));
  for (const { event, day } of events) {
    const index = query.bucket === 'week' ? (mondayOf(day) - first) / 7 : day - first;
    const bucket = buckets[index];
    if (bucket) countActivity(bucket, event.kind);
  }
  return buckets;
}
