import { JOURNEY_STAGES, type JourneyStage } from '../schema/content';
import type { ActivityCounts, RepActivity, SiteActivity, StageActivity, TypeActivity } from '../schema/stats';
import { countActivity, emptyActivity } from './activity-counts';
import { compareNullableText } from './compare';
import type { ScopedEvent } from './event-scope';

/** Activity grouped by a key read off each event; `null` where the event has no value. */
function groupActivity<K extends string | null>(events: readonly ScopedEvent[], keyOf: (e: ScopedEvent) => K) {
  const groups = new Map<K, ActivityCounts>();
  for (const scoped of events) {
    const key = keyOf(scoped);
    let counts = groups.get(key);
    if (!counts) groups.set(key, (counts = emptyActivity()));
    countActivity(counts, scoped.event.kind);
  }
  return groups;
}

/** The keys found, most used first, then by key (null last). */
function ranked<K extends string | null>(groups: Map<K, ActivityCounts>): [K, ActivityCounts][] {
  return [...groups.entries()].sort(([ka, a], [kb, b]) => b.uses - a.uses || compareNullableText(ka, kb));
}

/** All five stages in journey order, then events that named no stage: a fixed axis for the chart. */
export function byStage(events: readonly ScopedEvent[]): StageActivity[] {
  const groups = groupActivity(events, (e) => e.event.stage ?? null);
  const keys: (JourneyStage | null)[] = [...JOURNEY_STAGES, null];
  return keys.map((stage) => ({ stage, ...(groups.get(stage) ?? emptyActivity()) }));
}

export function byType(events: readonly ScopedEvent[]): TypeActivity[] {
  return ranked(groupActivity(events, (e) => e.event.contentType ?? null)).map(([type, c]) => ({ type, ...c }));
}

export function bySite(events: readonly ScopedEvent[]): SiteActivity[] {
  return ranked(groupActivity(events, (e) => e.event.site ?? null)).map(([site, c]) => ({ site, ...c }));
}

/** Every event has a rep (`""` for the unnamed local one), so no row is keyed null. */
export function byRep(events: readonly ScopedEvent[]): RepActivity[] {
  return ranked(groupActivity(events, (e) => e.user)).map(([user, c]) => ({ user, ...c }));
}
