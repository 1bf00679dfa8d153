import { useEffect, useRef } from 'react';
import type { ContentType, JourneyStage } from '../../lib/schema/content';
import type { EventInput } from '../../lib/events/track';

/** A search is logged once the rep pauses typing, not on every keystroke. */
export const SEARCH_SETTLE_MS = 1200;

interface Options {
  query: string;
  stages: JourneyStage[];
  types: ContentType[];
  resultCount: number;
  ready: boolean;
  record(input: Omit<EventInput, 'site' | 'pageKind'>): void;
}

/** Logs settled searches, and those with no results as content gaps. */
export function useSearchLogging({ query, stages, types, resultCount, ready, record }: Options) {
  const last = useRef('');
  useEffect(() => {
    const text = query.trim();
    if (!ready || !text) return;
    const timer = setTimeout(() => {
      const key = `${text}|${stages.join()}|${types.join()}`;
      if (key === last.current) return;
      last.current = key;
      record({
        kind: resultCount === 0 ? 'search_no_results' : 'search',
        // Cut by code points: a cut through an emoji would leave half a surrogate pair.
        query: Array.from(text).slice(0, 200).join(''),
        resultCount,
        filters: { stages, types },
        ...(stages.length === 1 ? { stage: stages[0] } : {}),
      });
    }, SEARCH_SETTLE_MS);
    return () => clearTimeout(timer);
  }, [query, stages, types, resultCount, ready, record]);
}
