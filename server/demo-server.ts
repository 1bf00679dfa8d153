import path from 'node:path';
import { formatProblem } from '../lib/schema/content-file';
import { CommandFailed, DEFAULTS, processIo, type CliIo } from './cli/cli-io';
import { listenProblem, untilStopped } from './cli/serve-command';
import { describeDbTarget, isPostgresUrl } from './db/db-target';
import { ensureDemoTokens } from './demo-tokens';
import { describeImport, importIntoOrg, readLibraryFolder } from './library-import';
import { startServer } from './serve';

export interface DemoOptions {
  dbPath: string;
  port: number;
  host: string;
  contentDir: string;
  /** Where the built extension is, to tell the person where to load it from. */
  extensionDir: string;
}

/**
 * `npm start` after the build: serve the demo library from content/ with a rep and a manager
 * token, and say how to load the extension and point it here.
 */
export async function runDemoServer(options: DemoOptions, io: CliIo = processIo): Promise<number> {
  try {
    const folder = await readLibraryFolder(options.contentDir);
    if (folder.problems.length > 0) {
      for (const problem of folder.problems) io.err(formatProblem(problem));
      throw new CommandFailed(`the demo library in ${options.contentDir} has invalid files; nothing was imported`);
    }
    const server = await startServer({ db: options.dbPath, port: options.port, host: options.host, log: io.err }).catch((error: unknown) => {
      throw new CommandFailed(listenProblem(error, options));
    });
    const { summary } = await importIntoOrg(server.db, DEFAULTS.org, folder.items);
    // Next to a SQLite file; for a PostgreSQL URL, in ./data like the default database.
    const tokensFile = path.join(isPostgresUrl(options.dbPath) ? 'data' : path.dirname(options.dbPath), 'demo-tokens.json');
    const tokens = await ensureDemoTokens(server.db, DEFAULTS.org, tokensFile);
    const rep = tokens.find((t) => t.role === 'rep');

    io.out(
      [
        '',
        `Quiver library server: ${server.url}  (database ${describeDbTarget(options.dbPath)})`,
        `Demo library: ${options.contentDir} imported into org "${DEFAULTS.org}": ${describeImport(summary)}.`,
        '',
        `Demo credentials (for trying Quiver on this machine; kept in ${tokensFile}):`,
        ...tokens.map((t) => `  ${t.role.padEnd(8)} ${t.email.padEnd(22)} ${t.token}`),
        '',
        'Load the extension (Chrome or Edge):',
        '  1. Open chrome://extensions and turn on Developer mode.',
        `  2. Click "Load unpacked" and choose ${path.resolve(options.extensionDir)}`,
        'Point it at this server:',
        "  3. Open the extension's options page (Details → Extension options).",
        `  4. Server URL: ${server.url}`,
        `     Access token: ${rep?.token ?? '(the rep token above)'}`,
        '  5. Save, then Sync now. Use the manager token instead to see the team dashboard.',
        '',
        'Stop with Ctrl-C.',
        '',
      ].join('\n'),
    );
    await untilStopped(server, io);
    return 0;
  } catch (error) {
    io.err(`npm start: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
