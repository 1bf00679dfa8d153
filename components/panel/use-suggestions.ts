import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import { getDb, getMeta, type StoredItem } from '../../lib/db';
import { defaultStageMap, inferStage, mergeStageMaps, suggest, type StageReason, type Suggestion } from '../../lib/recommend';
import type { JourneyStage } from '../../lib/schema/content';
import type { PageContext } from '../../lib/schema/page-context';
import type { Library } from './use-library';
import { usePanelStore } from './store';

export interface ShownSuggestion extends Suggestion {
  item: StoredItem;
}

interface Options {
  library: Library;
  context: PageContext | undefined;
  today: string;
}

/**
 * The inferred journey stage of the page (it ranks the results, it does not filter them; only a
 * stage toggle the rep presses filters) and the suggestions for the stage in use.
 */
export function useSuggestions({ library, context, today }: Options): {
  inferred: StageReason | null;
  suggestions: ShownSuggestion[];
} {
  const db = getDb();
  const orgSettings = useLiveQuery(() => getMeta(db, 'orgSettings'), []);
  const stageMap = useMemo(() => mergeStageMaps(defaultStageMap(), orgSettings?.stageMap), [orgSettings]);
  const inferred = useMemo(() => inferStage(context, stageMap), [context, stageMap]);
  const stages = usePanelStore((s) => s.stages);
  const [suggestions, setSuggestions] = useState<ShownSuggestion[]>([]);

  const stage: JourneyStage | null = stages.length === 1 ? stages[0]! : stages.length === 0 ? (inferred?.stage ?? null) : null;
  const { client, ready, version } = library;

  useEffect(() => {
    if (!client || !ready) return;
    let current = true;
    void (async () => {
      const found = await suggest({
        // Separate lanes: the pool and the keyword search must not supersede each other.
        search: (q, o) => client.search(q, o, q ? 'suggest-keywords' : 'suggest-pool'),
        getItems: (ids) => db.items.bulkGet(ids),
        context,
        stage,
        stageReason: inferred,
        today,
      });
      if (found === null || !current) return;
      const items = await db.items.bulkGet(found.map((s) => s.id));
      if (!current) return;
      setSuggestions(found.flatMap((s, i) => (items[i] ? [{ ...s, item: items[i]! }] : [])));
    })().catch(() => {});
    return () => {
      current = false;
    };
  }, [client, ready, version, db, context, stage, inferred, today]);

  return { inferred, suggestions };
}
