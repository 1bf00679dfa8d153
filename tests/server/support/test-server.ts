import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Role } from '../../../lib/schema/api';
import type { ContentItem } from '../../../lib/schema/content';
import { startServer, type RunningServer } from '../../../server/serve';
import { importLibrary } from '../../../server/store/library';
import { ensureOrg } from '../../../server/store/orgs';
import { createAccessToken } from '../../../server/store/tokens';

/** A real server on a loopback port with a real SQLite file in its own temp folder. */
export interface TestServer extends RunningServer {
  dir: string;
  dbPath: string;
  /** Every request line the server logged. */
  logLines: string[];
  tokenFor(orgSlug: string, email: string, role: Role): Promise<string>;
  /** Makes the org's library exactly these items, as `quiver import` would. */
  setLibrary(orgSlug: string, items: ContentItem[]): Promise<void>;
  /** Closes the server and removes its folder. */
  dispose(): Promise<void>;
}

export async function startTestServer(options: { dir?: string; port?: number } = {}): Promise<TestServer> {
  const dir = options.dir ?? mkdtempSync(path.join(tmpdir(), 'quiver-server-'));
  const dbPath = path.join(dir, 'quiver.db');
  const logLines: string[] = [];
  const server = await startServer({ dbPath, port: options.port ?? 0, host: '127.0.0.1', log: (l) => logLines.push(l) });
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await server.close();
  };
  return {
    ...server,
    dir,
    dbPath,
    logLines,
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
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** GET/POST against the API with a bearer token; returns status, headers and parsed JSON (if any). */
export async function call(
  url: string,
  options: { token?: string; method?: string; body?: unknown; headers?: Record<string, string> } = {},
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
