/** Where a command writes: results to `out`, messages for the person at the terminal to `err`. */
export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

export const processIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** A command line that cannot be run as given; exits with status 2 and the command's usage. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** A command that ran and failed for a reason the user can act on; exits with status 1. */
export class CommandFailed extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CommandFailed';
  }
}

export const DEFAULTS = {
  db: './data/quiver.db',
  org: 'demo',
  port: 8787,
  host: '127.0.0.1',
} as const;
