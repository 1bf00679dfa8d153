import { createMiddleware } from 'hono/factory';
import { redactTokens } from './redact-tokens';

export type LogLine = (line: string) => void;

/**
 * One line per request: method, path, status, milliseconds. The query string is left out
 * (cursors, filters) and so is every header; a token pasted into the path is cut out: a token
 * never reaches a log.
 */
export function requestLog(log: LogLine) {
  return createMiddleware(async (c, next) => {
    const started = performance.now();
    await next();
    log(`${c.req.method} ${redactTokens(c.req.path)} ${c.res.status} ${Math.round(performance.now() - started)}ms`);
  });
}
