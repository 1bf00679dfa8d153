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
  /** SIGINT, then waits for a clean exit (connections closed, database closed). */
  stop(): Promise<void>;
}

const QUIVER = path.resolve(import.meta.dirname, '../../../bin/quiver.mjs');

export async function startQuiverChild(dbPath: string): Promise<QuiverChild> {
  const child: ChildProcess = spawn(process.execPath, [QUIVER, 'serve', '--port', '0', '--db', dbPath], { stdio: ['ignore', 'ignore', 'pipe'] });
  const log: string[] = [];
  const url = await new Promise<string>((resolve, reject) => {
    let pending = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      log.push(...lines);
      const match = /listening on (http:\/\/\S+)/.exec(lines.join('\n'));
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`quiver serve exited (${code}): ${log.join('\n')}`)));
  });
  return {
    url,
    pid: child.pid!,
    log,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGINT');
      }),
  };
}
