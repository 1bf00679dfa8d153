import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Kysely } from 'kysely';
import { createApp } from './app';
import { openDatabase } from './db/open-database';
import type { Database } from './db/schema';
import type { LogLine } from './http/request-log';

export interface RunningServer {
  /** Base URL, e.g. http://127.0.0.1:8787 */
  url: string;
  port: number;
  db: Kysely<Database>;
  close(): Promise<void>;
}

export interface ServeOptions {
  /** SQLite file; created (with its folder) when absent. */
  dbPath: string;
  /** 0 picks a free port. */
  port: number;
  host: string;
  log?: LogLine;
}

/** Opens the database (migrating it) and listens. Resolves once the port is bound. */
export async function startServer({ dbPath, port, host, log }: ServeOptions): Promise<RunningServer> {
  const db = await openDatabase(dbPath);
  const app = createApp({ db, ...(log ? { log } : {}) });
  try {
    const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
      const s = serve({ fetch: app.fetch, port, hostname: host }, () => resolve(s));
      s.once('error', reject);
    });
    const bound = (server.address() as AddressInfo).port;
    const shownHost = host.includes(':') ? `[${host}]` : host;
    return {
      url: `http://${shownHost}:${bound}`,
      port: bound,
      db,
      close: async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          // Keep-alive connections would hold close() open until they time out.
          (server as { closeAllConnections?: () => void }).closeAllConnections?.();
        });
        await db.destroy();
      },
    };
  } catch (error) {
    await db.destroy();
    throw error;
  }
}
