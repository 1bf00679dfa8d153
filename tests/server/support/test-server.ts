import type { Role } from '../../../lib/schema/api';
import type { ContentItem } from '../../../lib/schema/content';
import { startServer, type RunningServer, type ServeOptions } from '../../../server/serve';
import { importLibrary } from '../../../server/store/library';
import { ensureOrg } from '../../../server/store/orgs';
import { createAccessToken } from '../../../server/store/tokens';
import { freshTestDb, TEST_DB_KIND, type TestDb, type TestDbKind } from './test-db';

/**
 * A real server on a loopback port with a real database of its own: a SQLite file in a temp
 * folder, or a PostgreSQL database on the test cluster (the `-pg` vitest projects).
 */
export interface TestServer extends RunningServer {
  kind: TestDbKind;
  /** What `--db` takes for this server's database: a file path or a postgres:// URL. */
  dbTarget: string;
  /** Every log line the server wrote (JSON). */
  logLines: string[];
  /** The request lines, parsed. */
  requests(): { method: string; route: string; status: number; ms: number }[];
  tokenFor(orgSlug: string, email: string, role: Role): Promise<string>;
  /** Makes the org's library exactly these items, as `quiver import` would. */
  setLibrary(orgSlug: string, items: ContentItem[]): Promise<void>;
  /** Closes the server and removes its database. */
  dispose(): Promise<void>;
}

export async function startTestServer(
  options: { db?: string; port?: number } & Partial<Pick<ServeOptions, 'keepEventsDays' | 'metrics' | 'drainTimeoutMs' | 'shareLinks'>> = {},
): Promise<TestServer> {
  const { db: given, port, ...rest } = options;
  const owned: TestDb | undefined = given ? undefined : await freshTestDb();
  const dbTarget = given ?? owned!.target;
  const logLines: string[] = [];
  const server = await startServer({ db: dbTarget, port: port ?? 0, host: '127.0.0.1', log: (l) => logLines.push(l), ...rest });
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await server.close();
  };
  return {
    ...server,
    kind: TEST_DB_KIND,
    dbTarget,
    logLines,
    requests: () =>
      logLines.map((l) => JSON.parse(l) as { msg: string; method: string; route: string; status: number; ms: number }).filter((r) => r.msg === 'request'),
    async tokenFor(orgSlug, email, role) {
      return (await createAccessToken(server.db, { orgSlug, email, role })).token;
    },
    async setLibrary(orgSlug, items) {
      const { org } = await ensureOrg(server.db, orgSlug);
      await importLibrary(server.db, org.id, items);
    },
    close,
    async dispose() {
      await close();
      // A server restarted on a given database removes it too, as the first one would have.
      await (owned ?? (await removerFor(dbTarget))).remove();
    },
  };
}

async function removerFor(target: string): Promise<TestDb> {
  const path = await import('node:path');
  const { rmSync } = await import('node:fs');
  if (TEST_DB_KIND === 'sqlite') return { kind: 'sqlite', target, remove: async () => rmSync(path.dirname(target), { recursive: true, force: true }) };
  const { dropDatabase } = await import('./postgres-cluster');
  return { kind: 'postgres', target, remove: () => dropDatabase(target) };
}

/** GET/POST against the API with a bearer token; returns status, headers and parsed JSON (if any). */
export async function call(
  url: string,
  options: { token?: string; method?: string; body?: unknown; headers?: Record<string, string> } = {},
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any answer's JSON, read by each test as it expects
): Promise<{ status: number; headers: Headers; json: any; text: string }> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(url, {
    method: options.method ?? (options.body !== undefined ? 'POST' : 'GET'),
    headers,
    ...(options.body !== undefined ? { body: typeof options.body === 'string' ? options.body : JSON.stringify(options.body) } : {}),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, json, text };
}
