import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { Kysely } from 'kysely';
import type { Readiness } from './db/open-database';
import type { Database } from './db/schema';
import { ApiProblem, problemResponse } from './http/api-problem';
import { requireRole, requireToken, type AuthEnv } from './http/auth';
import { extensionCors } from './http/extension-cors';
import { ServerMetrics } from './http/metrics';
import { errorText, logJson, requestLog, routeOf, type LogLine } from './http/request-log';
import { postEvents } from './routes/events';
import { compressJson } from './http/compress';
import { DEFAULT_QUIET_SECONDS } from './links/view-filter';
import { getLibrary } from './routes/library';
import { deleteLink, getLinks, postLink } from './routes/links';
import { DEFAULT_SHARE_RATE_PER_MINUTE, sharePage } from './routes/share-page';
import { getMe } from './routes/me';
import { getSiteHealth } from './routes/site-health';
import { getStats } from './routes/stats';

/**
 * Largest events request: 1000 events (the batch limit) of up to ~1.5 KB each when every
 * optional field is filled to its maximum, so a legal batch always fits.
 */
export const EVENTS_BODY_LIMIT = 2 * 1024 * 1024;

export interface AppOptions {
  db: Kysely<Database>;
  /** Where stats queries run; `db` when omitted. */
  reads?: Kysely<Database>;
  /** Request lines and server-side error details, as JSON lines; silent when omitted. */
  log?: LogLine;
  metrics?: ServerMetrics;
  /** Whether GET /metrics is answered here (false when a private listener serves it). */
  serveMetrics?: boolean;
  /** Database reachable and schema current; always ready when omitted. */
  readiness?: () => Promise<Readiness>;
  /** True once the instance is shutting down: /readyz says so, so the load balancer stops sending. */
  draining?: () => boolean;
  /** Usage events kept this many days; older ones are refused (and pruned). */
  keepEventsDays?: number;
  /** Share links: their public base URL, the quiet seconds after creation, the rate limit. */
  shareLinks?: ShareLinkOptions;
}

export interface ShareLinkOptions {
  /** `--public-url`: where prospects reach /s/<slug>; the request's own origin when absent. */
  publicUrl?: string;
  /** Requests this soon after a link's creation are not views (default 10). */
  quietSeconds?: number;
  /** Requests per minute per address bucket to /s/ before 429 (default 60). */
  perMinute?: number;
  /** `--trust-proxy`: take the client's address from X-Forwarded-For (behind a load balancer). */
  trustProxy?: boolean;
}

/**
 * The library server's HTTP API (v1). Stateless: everything a request needs is in the
 * database, so any number of instances can answer behind a load balancer.
 */
export function createApp({
  db,
  reads = db,
  log = () => {},
  metrics = new ServerMetrics(),
  serveMetrics = true,
  readiness = async () => ({ ok: true }),
  draining = () => false,
  keepEventsDays,
  shareLinks = {},
}: AppOptions): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();

  app.use('*', requestLog(log, metrics));
  app.use('*', async (c, next) => {
    await next();
    // While draining, each answer closes its connection, so keep-alive clients reconnect to
    // another instance instead of to one that is about to stop.
    if (draining()) c.header('Connection', 'close');
  });
  app.use('*', extensionCors());

  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    c.header('Cache-Control', 'no-store');
    if (draining()) return c.json({ status: 'draining' }, 503);
    const ready = await readiness();
    return ready.ok ? c.json({ status: 'ready' }) : c.json({ status: 'not_ready', reason: ready.reason }, 503);
  });
  if (serveMetrics) {
    app.get('/metrics', (c) => {
      c.header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8');
      c.header('Cache-Control', 'no-store');
      return c.body(metrics.render());
    });
  }

  app.on(
    ['GET', 'HEAD'],
    '/s/:slug',
    sharePage(db, {
      quietMs: (shareLinks.quietSeconds ?? DEFAULT_QUIET_SECONDS) * 1000,
      perMinute: shareLinks.perMinute ?? DEFAULT_SHARE_RATE_PER_MINUTE,
      trustProxy: shareLinks.trustProxy ?? false,
    }),
  );

  app.use('/api/v1/*', requireToken(db));
  app.get('/api/v1/me', getMe);
  app.get(
    '/api/v1/library',
    compressJson(),
    getLibrary(db, () => metrics.syncPages.inc()),
  );
  app.post(
    '/api/v1/events',
    bodyLimit({
      maxSize: EVENTS_BODY_LIMIT,
      onError: (c) => {
        // The rest of the body is never read, and the connection is dropped soon after: say so,
        // or a client reuses it and its next request fails as if the server were down.
        c.header('Connection', 'close');
        return problemResponse(c, 413, 'payload_too_large', `the request body is over ${EVENTS_BODY_LIMIT / 1024 / 1024} MB; send smaller batches`);
      },
    }),
    postEvents(db, {
      ...(keepEventsDays !== undefined ? { keepEventsDays } : {}),
      onStored: ({ accepted, duplicates, rejected }) => {
        metrics.eventsIngested.inc({}, accepted);
        metrics.eventsDuplicate.inc({}, duplicates);
        metrics.eventsRejected.inc({}, rejected);
      },
    }),
  );
  const linkOptions = { publicUrl: shareLinks.publicUrl };
  app.post('/api/v1/links', postLink(db, linkOptions));
  app.get('/api/v1/links', getLinks(db, linkOptions));
  app.delete('/api/v1/links/:slug', deleteLink(db));
  app.get('/api/v1/stats', requireRole('manager', 'admin'), getStats(reads));
  app.get('/api/v1/site-health', requireRole('manager', 'admin'), getSiteHealth(reads));

  app.notFound((c) => problemResponse(c, 404, 'not_found', `no such route: ${c.req.method} ${c.req.path}`));
  app.onError((error, c) => {
    if (error instanceof ApiProblem) return problemResponse(c, error.status, error.code, error.message);
    if (error instanceof HTTPException && error.status < 500) {
      return problemResponse(c, error.status, 'bad_request', error.message || 'bad request');
    }
    // Details stay in the server's log; the client gets no stack trace.
    logJson(log, { level: 'error', msg: 'request failed', method: c.req.method, route: routeOf(c), error: errorText(error) });
    return problemResponse(c, 500, 'internal', 'the server failed to handle this request; see its log');
  });
  return app;
}
