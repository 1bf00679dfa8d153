import type { CliIo } from './cli-io';

export interface Command {
  name: string;
  summary: string;
  /** Full help text, shown by `quiver <name> --help` and after a usage error. */
  usage: string;
  /** Resolves to the process exit status. */
  run(args: string[], io: CliIo): Promise<number>;
}
