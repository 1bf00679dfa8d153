import { getDb, type QuiverDb } from '../../lib/db';
import { todayIso } from '../../lib/schema/content';
import type { FetchLike } from '../../lib/kpi/stats-source';
import { loadSettings, onSettingsChanged, type Settings } from '../../lib/settings';

/** What the dashboard reaches outside itself; tests hand in a stubbed fetch, a database and a date. */
export interface DashboardEnv {
  fetch: FetchLike;
  db: QuiverDb;
  today: () => string;
  loadSettings: () => Promise<Settings>;
  onSettingsChanged: (listener: (settings: Settings) => void) => () => void;
  /** The page's `?from=…&to=…` and where a changed query is written back. */
  search: string;
  replaceSearch: (search: string) => void;
}

export function browserDashboardEnv(): DashboardEnv {
  return {
    fetch: (input, init) => fetch(input, init),
    db: getDb(),
    today: () => todayIso(),
    loadSettings,
    onSettingsChanged,
    search: location.search,
    replaceSearch: (search) => history.replaceState(null, '', search),
  };
}
