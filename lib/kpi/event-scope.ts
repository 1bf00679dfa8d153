import type { UsageEvent } from '../schema/events';
import type { StatsQuery } from '../schema/stats';
import { dayOfIso, dayOfMs } from './days';

/** An event inside the query's range and filters, with its instant and UTC day worked out once. */
export interface ScopedEvent {
  event: UsageEvent;
  ms: number;
  day: number;
  /** `user`, or `""` for the one unnamed rep of a browser whose profile has no email. */
  user: string;
}

/**
 * Keeps the events the query is about: UTC day of `at` in [from, to], and each set filter
 * matching the event's own field exactly (an event lacking the field does not match).
 */
export function scopeEvents(events: readonly UsageEvent[], query: StatsQuery): ScopedEvent[] {
  const fromDay = dayOfIso(query.from);
  const toDay = dayOfIso(query.to);
  const scoped: ScopedEvent[] = [];
  for (const event of events) {
    if (query.stage !== undefined && event.stage !== query.stage) continue;
    if (query.site !== undefined && event.site !== query.site) continue;
    if (query.type !== undefined && event.contentType !== query.type) continue;
    if (query.user !== undefined && event.user !== query.user) continue;
    const ms = Date.parse(event.at);
    if (Number.isNaN(ms)) continue;
    const day = dayOfMs(ms);
    if (day < fromDay || day > toDay) continue;
    scoped.push({ event, ms, day, user: event.user ?? '' });
  }
  return scoped;
}
