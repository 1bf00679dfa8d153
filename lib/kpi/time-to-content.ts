import { JOURNEY_STAGES } from '../schema/content';
import type { EventKind } from '../schema/events';
import type { TimeToContent, TimeToContentStats } from '../schema/stats';
import { compareNullableText } from './compare';
import type { ScopedEvent } from './event-scope';
import { nearestRank } from './percentile';

/**
 * The actions that end a rep's hunt for content and carry the time it took. Opening an asset
 * is reading, not sending, so it does not stop the clock.
 */
const TIMED_KINDS: readonly EventKind[] = ['insert', 'copy', 'copy_link', 'expand_shortcut'];

function summarise(values: number[]): TimeToContent {
  values.sort((a, b) => a - b);
  return { count: values.length, medianMs: nearestRank(values, 50), p90Ms: nearestRank(values, 90) };
}

function groupTimes<K extends string | null>(timed: readonly ScopedEvent[], keyOf: (e: ScopedEvent) => K) {
  const groups = new Map<K, number[]>();
  for (const scoped of timed) {
    const key = keyOf(scoped);
    const list = groups.get(key);
    const ms = scoped.event.timeToContentMs as number;
    if (list) list.push(ms);
    else groups.set(key, [ms]);
  }
  return groups;
}

const stageRank = (stage: string | null) => (stage === null ? JOURNEY_STAGES.length : JOURNEY_STAGES.indexOf(stage as never));

/** Median and p90 time to content, overall, per site and per stage (rows only where timed). */
export function timeToContent(events: readonly ScopedEvent[]): TimeToContentStats {
  const timed = events.filter((e) => TIMED_KINDS.includes(e.event.kind) && e.event.timeToContentMs !== undefined);
  const bySite = [...groupTimes(timed, (e) => e.event.site ?? null).entries()]
    .sort(([a], [b]) => compareNullableText(a, b))
    .map(([site, values]) => ({ site, ...summarise(values) }));
  const byStage = [...groupTimes(timed, (e) => e.event.stage ?? null).entries()]
    .sort(([a], [b]) => stageRank(a) - stageRank(b))
    .map(([stage, values]) => ({ stage, ...summarise(values) }));
  return { overall: summarise(timed.map((e) => e.event.timeToContentMs as number)), bySite, byStage };
}
