// `npm start`: build the extension, then serve the demo library with demo tokens.
//   npm start -- [--port 8787] [--host 127.0.0.1] [--db ./data/quiver.db] [--skip-build]
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { tsImport } from 'tsx/esm/api';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8787' },
    host: { type: 'string', default: '127.0.0.1' },
    // A SQLite file or a postgres:// URL; QUIVER_DB sets it as for every quiver command.
    db: { type: 'string', default: process.env.QUIVER_DB || './data/quiver.db' },
    'skip-build': { type: 'boolean', default: process.env.QUIVER_SKIP_BUILD === '1' },
  },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`npm start: --port must be a number from 0 to 65535, not "${values.port}"`);
  process.exit(2);
}

const extensionDir = `${process.env.QUIVER_OUT_DIR ?? '.output'}/chrome-mv3`;
if (!values['skip-build']) {
  console.error('Building the extension (npx wxt build)…');
  const build = spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('npm start: the extension build failed (see above); the server was not started.');
    process.exit(1);
  }
}

const { runDemoServer } = await tsImport('../server/demo-server.ts', import.meta.url);
process.exitCode = await runDemoServer({
  dbPath: values.db,
  port,
  host: values.host,
  contentDir: 'content',
  extensionDir,
});
