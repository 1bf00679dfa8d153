import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/*
 * `quiver serve` in its own process, as it runs in production: load is measured against it,
 * with the load generator in another process, so neither steals the other's event loop.
 */

export interface QuiverChild {
  url: string;
  pid: number;
  /** Every line the server wrote to stderr. */
  log: string[];
  /** SIGINT, then waits for a clean exit (requests finished, connections and database closed). */
  stop(): Promise<void>;
  /** Sends a signal (SIGKILL: a crash) and resolves once the process is gone. */
  kill(signal: NodeJS.Signals): Promise<number | null>;
}

const QUIVER = path.resolve(import.meta.dirname, '../../../bin/quiver.mjs');

/** `quiver serve --port 0 --db <db> [extra…]`; resolves once it listens. */
export async function startQuiverChild(db: string, extra: string[] = []): Promise<QuiverChild> {
  const child: ChildProcess = spawn(process.execPath, [QUIVER, 'serve', '--port', '0', '--db', db, ...extra], { stdio: ['ignore', 'ignore', 'pipe'] });
  const log: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    let pending = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      log.push(...lines);
      const match = /listening on (http:\/\/[^\s"]+)/.exec(lines.join('\n'));
      if (match?.[1]) resolve(match[1]);
    });
    void exited.then((code) => reject(new Error(`quiver serve exited (${code}): ${log.join('\n')}${pending}`)));
  });
  return {
    url,
    pid: child.pid!,
    log,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
      await exited;
    },
    kill: async (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
