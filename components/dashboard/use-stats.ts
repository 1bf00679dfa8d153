import { useEffect, useState } from 'react';
import { loadStats, type StatsResult } from '../../lib/dashboard/stats-source';
import type { StatsQuery } from '../../lib/schema/stats';
import type { DashboardEnv } from '../../lib/dashboard/dashboard-env';

export interface StatsState {
  /** The last figures shown; kept while new ones load so the page does not blank on every filter. */
  result?: StatsResult;
  loading: boolean;
  error?: string;
}

/**
 * The figures for a query, from the server or this browser (lib/dashboard/stats-source.ts), fetched
 * again when the query changes, when settings change (a manager pasting a token) or on refresh.
 */
export function useStats(env: DashboardEnv, query: StatsQuery, refreshes: number): StatsState {
  const [state, setState] = useState<StatsState>({ loading: true });
  const [settingsVersion, setSettingsVersion] = useState(0);
  const queryKey = JSON.stringify(query);

  useEffect(() => env.settings.watch(() => setSettingsVersion((v) => v + 1)), [env]);

  useEffect(() => {
    let current = true;
    setState((s) => ({ result: s.result, loading: true }));
    (async () => {
      const settings = await env.settings.get();
      const result = await loadStats({ fetch: env.fetch, db: env.db, settings, today: env.today() }, query);
      if (current) setState({ result, loading: false });
    })().catch((error: unknown) => {
      if (current) setState((s) => ({ result: s.result, loading: false, error: error instanceof Error ? error.message : String(error) }));
    });
    return () => {
      current = false;
    };
    // The query is compared by value (queryKey): a new object with the same filters is the same request.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- query is read through queryKey
  }, [env, queryKey, refreshes, settingsVersion]);

  return state;
}
