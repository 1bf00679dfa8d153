import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { routePath } from 'hono/route';
import type { ServerMetrics } from './metrics';
import { redactTokens } from './redact-tokens';

/** Where log lines go: one JSON object per line. */
export type LogLine = (line: string) => void;

/** A structured log record: `msg` says what happened, the rest are fields. */
export type LogRecord = { level: 'info' | 'warn' | 'error'; msg: string } & Record<string, string | number | boolean | undefined>;

/** Writes a record as one JSON line, with the time first. */
export function logJson(log: LogLine, record: LogRecord): void {
  log(JSON.stringify({ time: new Date().toISOString(), ...record }));
}

/**
 * The route pattern that answered (`/api/v1/library`), never the path as sent: a path can
 * carry a pasted token or anything a client typed, a pattern cannot. Requests no route
 * matched share one label.
 */
export function routeOf(c: Context): string {
  const path = routePath(c, -1);
  return path === '' || path.includes('*') ? '(unmatched)' : path;
}

/**
 * One JSON line per request: method, route pattern, status, milliseconds. No query string
 * (cursors, filters), no header, no user or org, no client address: no token or personal
 * data reaches a log. The same measurements feed /metrics.
 */
export function requestLog(log: LogLine, metrics?: ServerMetrics) {
  return createMiddleware(async (c, next) => {
    const started = performance.now();
    await next();
    const seconds = (performance.now() - started) / 1000;
    const route = routeOf(c);
    metrics?.observeRequest(c.req.method, route, c.res.status, seconds);
    logJson(log, { level: 'info', msg: 'request', method: c.req.method, route, status: c.res.status, ms: Math.round(seconds * 1000) });
  });
}

/** Server-side failure details for the log, with anything token-shaped cut out. */
export function errorText(error: unknown): string {
  return redactTokens(error instanceof Error ? (error.stack ?? error.message) : String(error));
}
