import { chooseDb, describeDbTarget, DB_ENV } from '../db/db-target';
import { logJson } from '../http/request-log';
import { startServer, type RunningServer, type ServeOptions } from '../serve';
import { CommandFailed, DEFAULTS, UsageError, type CliIo } from './cli-io';
import type { Command } from './command';
import { parseDays, parseOptions, parsePort } from './parse-options';

export const serveCommand: Command = {
  name: 'serve',
  summary: 'run the library server',
  usage: `Usage: quiver serve [--port ${DEFAULTS.port}] [--host ${DEFAULTS.host}] [--db ${DEFAULTS.db}]
                    [--keep-events 400d] [--metrics-port 9464 [--metrics-host 127.0.0.1]]
                    [--public-url https://links.example.com] [--link-quiet-seconds 10] [--trust-proxy]

Runs the library server (HTTP API v1). The database is migrated on start: a SQLite file (and
its folder) is created when absent; on PostgreSQL several instances may share one database
and start together. Writes one JSON log line per request to stderr. On SIGTERM or Ctrl-C it
stops taking connections, finishes the requests in flight, then exits.

  --db            SQLite database file, or a postgres:// URL      default ${DEFAULTS.db}
                  (${DB_ENV} sets it when --db is not given)
  --port          port to listen on (0 picks a free one)          default ${DEFAULTS.port}
  --host          address to listen on; 0.0.0.0 for the LAN       default ${DEFAULTS.host}
  --keep-events   keep usage events this long, e.g. 400d; older ones are pruned hourly and
                  refused at upload (daily roll-ups are kept)     default: keep all
  --metrics-port  serve /metrics on its own listener (then not on --port); bind it to a
  --metrics-host  private address that only Prometheus reaches     default host ${DEFAULTS.host}
  --public-url    where prospects reach share links (/s/<slug>)   default: the address asked
  --link-quiet-seconds  requests this soon after a link is created are not counted as views
                  (mail gateways scan outgoing links at once)     default 10
  --trust-proxy   behind a load balancer: rate-limit share links by the address it puts
                  last in X-Forwarded-For, not by the balancer's own`,
  async run(args: string[], io: CliIo) {
    const { values, positionals } = parseOptions(args, {
      port: { type: 'string' },
      host: { type: 'string' },
      db: { type: 'string' },
      'keep-events': { type: 'string' },
      'metrics-port': { type: 'string' },
      'metrics-host': { type: 'string' },
      'public-url': { type: 'string' },
      'link-quiet-seconds': { type: 'string' },
      'trust-proxy': { type: 'boolean' },
    });
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    if (values['metrics-host'] !== undefined && values['metrics-port'] === undefined) {
      throw new UsageError('--metrics-host needs --metrics-port');
    }
    const keep = values['keep-events'];
    const publicUrl = values['public-url'];
    if (publicUrl !== undefined && !/^https?:\/\/[^/\s]+\/?$/.test(publicUrl)) {
      throw new UsageError(`--public-url must be an origin such as https://links.example.com, not "${publicUrl}"`);
    }
    const quiet = values['link-quiet-seconds'];
    if (quiet !== undefined && !/^\d{1,6}$/.test(quiet)) throw new UsageError(`--link-quiet-seconds must be a whole number of seconds, not "${quiet}"`);
    await serveUntilStopped(
      {
        db: chooseDb(values.db, DEFAULTS.db),
        port: parsePort(values.port, DEFAULTS.port),
        host: values.host ?? DEFAULTS.host,
        ...(keep !== undefined ? { keepEventsDays: parseDays('--keep-events', keep) } : {}),
        ...(values['metrics-port'] !== undefined
          ? { metrics: { port: parsePort(values['metrics-port'], 0, '--metrics-port'), host: values['metrics-host'] ?? DEFAULTS.host } }
          : {}),
        shareLinks: {
          ...(publicUrl !== undefined ? { publicUrl: publicUrl.replace(/\/$/, '') } : {}),
          ...(quiet !== undefined ? { quietSeconds: Number(quiet) } : {}),
          ...(values['trust-proxy'] ? { trustProxy: true } : {}),
        },
      },
      io,
    );
    return 0;
  },
};

/** Serves until SIGINT/SIGTERM, then drains and closes the database cleanly. */
export async function serveUntilStopped(options: Omit<ServeOptions, 'log'>, io: CliIo): Promise<void> {
  const server = await startServer({ ...options, log: io.err }).catch((error: unknown) => {
    throw new CommandFailed(listenProblem(error, options));
  });
  logJson(io.err, {
    level: 'info',
    msg: `Quiver library server listening on ${server.url}`,
    url: server.url,
    db: describeDbTarget(options.db),
    ...(server.metricsUrl ? { metrics: server.metricsUrl } : {}),
  });
  await untilStopped(server, io);
}

/** Resolves once SIGINT/SIGTERM arrived and the server has drained and closed. A second signal exits at once. */
export function untilStopped(server: RunningServer, io: CliIo): Promise<void> {
  return new Promise<void>((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      const now = () => {
        logJson(io.err, { level: 'warn', msg: 'second signal: exiting without waiting for requests in flight' });
        process.exit(1);
      };
      process.once('SIGINT', now);
      process.once('SIGTERM', now);
      logJson(io.err, { level: 'info', msg: 'stopping: finishing requests in flight', signal });
      void server.close().then(() => {
        process.off('SIGINT', now);
        process.off('SIGTERM', now);
        logJson(io.err, { level: 'info', msg: 'stopped' });
        resolve();
      });
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/** Says what to do about the usual reasons a server cannot start. */
export function listenProblem(error: unknown, options: { port: number; host: string }): string {
  const code = (error as { code?: string }).code;
  if (code === 'EADDRINUSE') return `port ${options.port} on ${options.host} is in use; stop what runs there or pick another --port`;
  if (code === 'EACCES') return `not allowed to listen on port ${options.port}; pick a port above 1023`;
  if (code === 'EADDRNOTAVAIL') return `${options.host} is not an address of this machine; try --host 127.0.0.1`;
  return error instanceof Error ? error.message : String(error);
}
