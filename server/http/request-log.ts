import { createMiddleware } from 'hono/factory';

export type LogLine = (line: string) => void;

/**
 * One line per request: method, path, status, milliseconds. The query string is left out
 * (cursors, filters) and so is every header: a token never reaches a log.
 */
export function requestLog(log: LogLine) {
  return createMiddleware(async (c, next) => {
    const started = performance.now();
    await next();
    log(`${c.req.method} ${c.req.path} ${c.res.status} ${Math.round(performance.now() - started)}ms`);
  });
}
