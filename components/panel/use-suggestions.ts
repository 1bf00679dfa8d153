import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useRef } from 'react';
import { getDb, getMeta } from '../../lib/db';
import { defaultStageMap, inferStage, mergeStageMaps, suggest, type Suggestion } from '../../lib/recommend';
import type { StageReason } from '../../lib/recommend';
import type { JourneyStage } from '../../lib/schema/content';
import type { PageContext } from '../../lib/schema/page-context';
import type { SearchEngine } from '../../lib/search';
import { usePanelStore } from './store';

interface Options {
  engine: SearchEngine;
  revision: number;
  context: PageContext | undefined;
  today: string;
}

/** Identifies "the same page" for preselecting the inferred stage once per page, not per render. */
function pageKey(context: PageContext | undefined, reason: StageReason | null): string {
  return `${context?.url ?? ''}|${reason?.stage ?? ''}`;
}

/**
 * The inferred journey stage of the page (preselected in the stage toggles once per page; the
 * rep can change it) and the suggestions for the stage in use.
 */
export function useSuggestions({ engine, revision, context, today }: Options): {
  inferred: StageReason | null;
  suggestions: Suggestion[];
} {
  const orgSettings = useLiveQuery(() => getMeta<{ stageMap?: Record<string, string> }>(getDb(), 'orgSettings'), []);
  const stageMap = useMemo(() => mergeStageMaps(defaultStageMap(), orgSettings?.stageMap), [orgSettings]);
  const inferred = useMemo(() => inferStage(context, stageMap), [context, stageMap]);
  const stages = usePanelStore((s) => s.stages);
  const setStages = usePanelStore((s) => s.setStages);
  const preselected = useRef('');

  useEffect(() => {
    const key = pageKey(context, inferred);
    if (!inferred || key === preselected.current) return;
    preselected.current = key;
    setStages([inferred.stage]);
  }, [context, inferred, setStages]);

  const stage: JourneyStage | null = stages.length === 1 ? stages[0]! : stages.length === 0 ? (inferred?.stage ?? null) : null;
  const suggestions = useMemo(
    () => (engine.size > 0 ? suggest({ engine, context, stage, stageReason: inferred, today }) : []),
    // `revision` changes when the engine's contents do.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [engine, revision, context, stage, inferred, today],
  );
  return { inferred, suggestions };
}
