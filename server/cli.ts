import { CommandFailed, processIo, UsageError, type CliIo } from './cli/cli-io';
import type { Command } from './cli/command';
import { exportCommand } from './cli/export-command';
import { importCommand } from './cli/import-command';
import { serveCommand } from './cli/serve-command';
import { shareLinksCommand } from './cli/share-links-command';
import { siteHealthCommand } from './cli/site-health-command';
import { tokenCommand } from './cli/token-command';

const COMMANDS: Command[] = [serveCommand, importCommand, exportCommand, tokenCommand, siteHealthCommand, shareLinksCommand];

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'Usage: quiver <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run "quiver <command> --help" for its options.',
  ].join('\n');
}

/**
 * The `quiver` command line. Resolves to the exit status: 0 done, 1 the command failed (the
 * message says why), 2 the command line was wrong.
 */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(overview());
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`quiver: unknown command "${name}"\n\n${overview()}`);
    return 2;
  }
  if (command.name !== 'token' && (args.includes('--help') || args.includes('-h'))) {
    io.out(command.usage);
    return 0;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`quiver ${command.name}: ${error.message}\n\n${command.usage}`);
      return 2;
    }
    if (error instanceof CommandFailed) {
      io.err(`quiver ${command.name}: ${error.message}`);
      return 1;
    }
    io.err(`quiver ${command.name}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
