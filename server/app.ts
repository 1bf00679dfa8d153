import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { Kysely } from 'kysely';
import type { Database } from './db/schema';
import { ApiProblem, problemResponse } from './http/api-problem';
import { requireRole, requireToken, type AuthEnv } from './http/auth';
import { extensionCors } from './http/extension-cors';
import { redactTokens } from './http/redact-tokens';
import { requestLog, type LogLine } from './http/request-log';
import { postEvents } from './routes/events';
import { getLibrary } from './routes/library';
import { getMe } from './routes/me';
import { getStats } from './routes/stats';

/**
 * Largest events request: 1000 events (the batch limit) of up to ~1.5 KB each when every
 * optional field is filled to its maximum, so a legal batch always fits.
 */
export const EVENTS_BODY_LIMIT = 2 * 1024 * 1024;

export interface AppOptions {
  db: Kysely<Database>;
  /** Request lines and server-side error details; silent when omitted. */
  log?: LogLine;
}

/** The library server's HTTP API (v1). */
export function createApp({ db, log = () => {} }: AppOptions): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();

  app.use('*', requestLog(log));
  app.use('*', extensionCors());

  app.get('/healthz', (c) => c.json({ status: 'ok' }));

  app.use('/api/v1/*', requireToken(db));
  app.get('/api/v1/me', getMe);
  app.get('/api/v1/library', getLibrary(db));
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
    postEvents(db),
  );
  app.get('/api/v1/stats', requireRole('manager', 'admin'), getStats(db));

  app.notFound((c) => problemResponse(c, 404, 'not_found', `no such route: ${c.req.method} ${c.req.path}`));
  app.onError((error, c) => {
    if (error instanceof ApiProblem) return problemResponse(c, error.status, error.code, error.message);
    if (error instanceof HTTPException && error.status < 500) {
      return problemResponse(c, error.status, 'bad_request', error.message || 'bad request');
    }
    // Details stay in the server's log; the client gets no stack trace.
    log(redactTokens(`error on ${c.req.method} ${c.req.path}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`));
    return problemResponse(c, 500, 'internal', 'the server failed to handle this request; see its log');
  });
  return app;
}
