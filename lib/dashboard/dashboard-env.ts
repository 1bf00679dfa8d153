import { getDb, type QuiverDb } from '../db';
import { todayIso } from '../schema/content';
import type { FetchLike } from './stats-source';
import { settingsStore, type Settings } from '../settings';
import type { StoredValue } from '../stored-value';

/** What the dashboard reaches outside itself; tests hand in a stubbed fetch, a database and a date. */
export interface DashboardEnv {
  fetch: FetchLike;
  db: QuiverDb;
  today: () => string;
  /** Which server and token, if any, the figures come from. */
  settings: StoredValue<Settings>;
  /** The page's `?from=…&to=…` and where a changed query is written back. */
  search: string;
  replaceSearch: (search: string) => void;
}

export function browserDashboardEnv(): DashboardEnv {
  return {
    fetch: (input, init) => fetch(input, init),
    db: getDb(),
    today: () => todayIso(),
    settings: settingsStore,
    search: location.search,
    replaceSearch: (search) => history.replaceState(null, '', search),
  };
}
