import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import { createApp, type ShareLinkOptions } from './app';
import { openServerDatabase, type ServerDatabase } from './db/open-database';
import type { Database } from './db/schema';
import { ServerMetrics } from './http/metrics';
import { errorText, logJson, type LogLine } from './http/request-log';
import { pruneUsageEvents } from './store/usage-events';

export interface RunningServer {
  /** Base URL, e.g. http://127.0.0.1:8787 */
  url: string;
  port: number;
  /** The private metrics listener's URL, when one was asked for. */
  metricsUrl?: string;
  db: Kysely<Database>;
  database: ServerDatabase;
  /**
   * Stops taking connections, lets every request in flight finish (answered, its data
   * committed), then closes the rest and the database. /readyz says "draining" meanwhile.
   */
  close(): Promise<void>;
}

export interface ServeOptions {
  /** `--db`: a SQLite file (created with its folder when absent) or a postgres:// URL. */
  db: string;
  /** 0 picks a free port. */
  port: number;
  host: string;
  log?: LogLine;
  /** Serve /metrics on this address instead of the API's (a private interface). */
  metrics?: { host: string; port: number };
  /** Usage events kept this many days; older ones are refused at upload and pruned hourly. */
  keepEventsDays?: number;
  /** Longest wait for requests in flight on close; then connections are cut. */
  drainTimeoutMs?: number;
  /** PostgreSQL connections for requests and for stats. */
  poolSize?: number;
  readPoolSize?: number;
  /** Share links: public base URL, quiet seconds after creation, rate limit. */
  shareLinks?: ShareLinkOptions;
}

const PRUNE_EVERY_MS = 60 * 60 * 1000;

/** Opens the database (migrating it) and listens. Resolves once the port is bound. */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const log = options.log ?? (() => {});
  const database = await openServerDatabase(options.db, {
    ...(options.poolSize ? { poolSize: options.poolSize } : {}),
    ...(options.readPoolSize ? { readPoolSize: options.readPoolSize } : {}),
    onPoolError: (error) => logJson(log, { level: 'warn', msg: 'database connection lost while idle', error: errorText(error) }),
  });
  const metrics = new ServerMetrics(() => database.pools());
  let draining = false;
  const app = createApp({
    db: database.db,
    reads: database.reads,
    log,
    metrics,
    serveMetrics: !options.metrics,
    readiness: () => database.readiness(),
    draining: () => draining,
    ...(options.keepEventsDays !== undefined ? { keepEventsDays: options.keepEventsDays } : {}),
    ...(options.shareLinks ? { shareLinks: options.shareLinks } : {}),
  });

  const servers: Server[] = [];
  let pruneTimer: NodeJS.Timeout | undefined;
  try {
    const server = await listen(app.fetch, options.port, options.host);
    servers.push(server);
    const inFlight = countInFlight(server);
    const bound = (server.address() as AddressInfo).port;
    let metricsUrl: string | undefined;
    if (options.metrics) {
      const metricsApp = new Hono();
      metricsApp.get('/metrics', (c) => {
        c.header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8');
        return c.body(metrics.render());
      });
      const metricsServer = await listen(metricsApp.fetch, options.metrics.port, options.metrics.host);
      servers.push(metricsServer);
      metricsUrl = `http://${hostForUrl(options.metrics.host)}:${(metricsServer.address() as AddressInfo).port}/metrics`;
    }

    if (options.keepEventsDays !== undefined) {
      const days = options.keepEventsDays;
      const prune = async () => {
        try {
          const pruned = await pruneUsageEvents(database.db, days);
          metrics.eventsPruned.inc({}, pruned);
          if (pruned > 0) logJson(log, { level: 'info', msg: 'pruned usage events', count: pruned, keepDays: days });
        } catch (error) {
          logJson(log, { level: 'error', msg: 'pruning usage events failed', error: errorText(error) });
        }
      };
      void prune();
      pruneTimer = setInterval(() => void prune(), PRUNE_EVERY_MS);
      pruneTimer.unref();
    }

    let closing: Promise<void> | undefined;
    return {
      url: `http://${hostForUrl(options.host)}:${bound}`,
      port: bound,
      ...(metricsUrl ? { metricsUrl } : {}),
      db: database.db,
      database,
      close: () =>
        (closing ??= (async () => {
          draining = true;
          if (pruneTimer) clearInterval(pruneTimer);
          await drain(server, inFlight, options.drainTimeoutMs ?? 25_000);
          for (const other of servers.slice(1)) await closeServer(other);
          await database.close();
        })()),
    };
  } catch (error) {
    if (pruneTimer) clearInterval(pruneTimer);
    for (const s of servers) s.close();
    await database.close();
    throw error;
  }
}

type Fetch = Parameters<typeof serve>[0]['fetch'];

function listen(fetch: Fetch, port: number, host: string): Promise<Server> {
  return new Promise<Server>((resolve, reject) => {
    const s = serve({ fetch, port, hostname: host }, () => resolve(s as Server)) as Server;
    // Idle keep-alive connections stay open longer than a load balancer's idle timeout
    // (commonly 60 s): the balancer, not this server, closes them, so it never sends a
    // request on a connection the server is closing at that moment. Node's 5 s default races
    // clients that spread their requests over several instances.
    s.keepAliveTimeout = 65_000;
    s.headersTimeout = 66_000;
    s.once('error', reject);
  });
}

function hostForUrl(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

/** Requests received and not yet answered (their response not finished or aborted). */
function countInFlight(server: Server): { count: number; idle: () => Promise<void> } {
  const state = { count: 0, waiters: [] as (() => void)[] };
  server.on('request', (_req: IncomingMessage, res: ServerResponse) => {
    state.count += 1;
    res.once('close', () => {
      state.count -= 1;
      if (state.count === 0) for (const w of state.waiters.splice(0)) w();
    });
  });
  return {
    get count() {
      return state.count;
    },
    idle: () => (state.count === 0 ? Promise.resolve() : new Promise<void>((resolve) => state.waiters.push(resolve))),
  };
}

/**
 * Stop accepting, answer what is in flight, then close. Idle keep-alive connections are closed
 * at once and again as requests finish (an answer given while draining says Connection:
 * close), so no client starts a new request here; a request still running after the timeout
 * is cut, and the client, never having had an answer, sends it again elsewhere.
 */
async function drain(server: Server, inFlight: { count: number; idle: () => Promise<void> }, timeoutMs: number): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const sweep = setInterval(() => server.closeIdleConnections(), 50);
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([inFlight.idle(), new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
  clearTimeout(timer);
  clearInterval(sweep);
  server.closeAllConnections();
  await closed;
}

async function closeServer(server: Server): Promise<void> {
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
