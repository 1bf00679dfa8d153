/*
 * What `--db` (or QUIVER_DB) names: a SQLite file, the embedded default, or a PostgreSQL
 * server given as a `postgres://` URL. Every command reads it the same way.
 */

export type DbTarget = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

/** The environment variable that sets `--db` for every command. */
export const DB_ENV = 'QUIVER_DB';

const POSTGRES_URL = /^postgres(?:ql)?:\/\//i;

export function isPostgresUrl(value: string): boolean {
  return POSTGRES_URL.test(value);
}

export function parseDbTarget(value: string): DbTarget {
  return isPostgresUrl(value) ? { kind: 'postgres', url: value } : { kind: 'sqlite', file: value };
}

/** `--db` if given, else QUIVER_DB, else the fallback (the SQLite file next to the repository). */
export function chooseDb(option: string | undefined, fallback: string, env: NodeJS.ProcessEnv = process.env): string {
  return option ?? (env[DB_ENV] && env[DB_ENV] !== '' ? env[DB_ENV]! : fallback);
}

/** The target as it may be shown in a terminal or a log: a URL loses its password. */
export function describeDbTarget(value: string): string {
  if (!isPostgresUrl(value)) return value;
  try {
    const url = new URL(value);
    if (url.password) url.password = '***';
    // Passwords can also ride in the query string (?password=…).
    if (url.searchParams.has('password')) url.searchParams.set('password', '***');
    return url.toString();
  } catch {
    return 'postgres://(unparsable URL)';
  }
}
