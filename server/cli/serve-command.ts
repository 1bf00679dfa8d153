import { startServer, type RunningServer } from '../serve';
import { CommandFailed, DEFAULTS, type CliIo } from './cli-io';
import type { Command } from './command';
import { parseOptions, parsePort } from './parse-options';

export const serveCommand: Command = {
  name: 'serve',
  summary: 'run the library server',
  usage: `Usage: quiver serve [--port ${DEFAULTS.port}] [--host ${DEFAULTS.host}] [--db ${DEFAULTS.db}]

Runs the library server (HTTP API v1). The SQLite file and its folder are created when absent
and migrated on start. Stops on Ctrl-C.

  --port   port to listen on (0 picks a free one)     default ${DEFAULTS.port}
  --host   address to listen on; 0.0.0.0 for the LAN  default ${DEFAULTS.host}
  --db     SQLite database file                       default ${DEFAULTS.db}`,
  async run(args: string[], io: CliIo) {
    const { values } = parseOptions(args, {
      port: { type: 'string' },
      host: { type: 'string' },
      db: { type: 'string' },
    });
    await serveUntilStopped(
      { dbPath: values.db ?? DEFAULTS.db, port: parsePort(values.port, DEFAULTS.port), host: values.host ?? DEFAULTS.host },
      io,
    );
    return 0;
  },
};

/** Serves until SIGINT/SIGTERM, then closes connections and the database cleanly. */
export async function serveUntilStopped(options: { dbPath: string; port: number; host: string }, io: CliIo): Promise<void> {
  const server = await startServer({ ...options, log: io.err }).catch((error: unknown) => {
    throw new CommandFailed(listenProblem(error, options));
  });
  io.err(`Quiver library server listening on ${server.url} (database ${options.dbPath})`);
  await untilStopped(server, io);
}

/** Resolves once SIGINT/SIGTERM arrived and the server is closed. */
export function untilStopped(server: RunningServer, io: CliIo): Promise<void> {
  return new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      io.err('Stopping…');
      void server.close().then(resolve);
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
