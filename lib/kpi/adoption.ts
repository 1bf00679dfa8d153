import type { Adoption } from '../schema/stats';
import { isoOfDay, mondayOf } from './days';
import type { ScopedEvent } from './event-scope';
import { bucketStarts } from './trend';

/**
 * Reps who did anything at all with Quiver (searching counts: a rep who searches and finds
 * nothing is adopting the tool and being let down by the library), per ISO week and overall.
 */
export function adoption(events: readonly ScopedEvent[], from: string, to: string): Adoption {
  const weeks = bucketStarts(from, to, 'week');
  const first = weeks[0] ?? 0;
  const repsPerWeek = weeks.map(() => new Set<string>());
  const reps = new Set<string>();
  for (const { user, day } of events) {
    reps.add(user);
    repsPerWeek[(mondayOf(day) - first) / 7]?.add(user);
  }
  return {
    activeReps: reps.size,
    weeks: weeks.map((start, i) => ({ start: isoOfDay(start), activeReps: repsPerWeek[i]?.size ?? 0 })),
  };
}
