// `npm test`: type-check, then every test project: unit, server and reliability (each on
// SQLite and on PostgreSQL), and end-to-end in Chromium.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

const chromium = [process.env.QUIVER_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (p) => p && existsSync(p),
);
if (!chromium) {
  console.error(
    '\nnpm test needs Chromium for the end-to-end tests, and none was found.\n' +
      'Install it with:  sudo apt-get install -y chromium   (Debian/Ubuntu)\n' +
      'or set QUIVER_CHROMIUM to the path of a Chromium or Chrome binary.\n',
  );
  process.exit(1);
}

/** The PostgreSQL server binaries the -pg projects start a throw-away cluster with (tests/server/support/postgres-cluster.ts). */
function postgresBin() {
  const dirs = [process.env.QUIVER_PG_BIN];
  const onPath = spawnSync('sh', ['-c', 'command -v pg_ctl'], { encoding: 'utf8' }).stdout.trim();
  if (onPath) dirs.push(path.dirname(onPath));
  if (existsSync('/usr/lib/postgresql')) {
    for (const v of readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a))) dirs.push(`/usr/lib/postgresql/${v}/bin`);
  }
  return dirs.find((d) => d && existsSync(path.join(d, 'initdb')) && existsSync(path.join(d, 'pg_ctl')));
}

const args = process.argv.slice(2);
const projects = [];
if (!postgresBin()) {
  const message =
    '\nPostgreSQL is NOT INSTALLED: the server and reliability suites cannot run on PostgreSQL.\n' +
    'Install it with:  sudo apt-get install -y postgresql   (or set QUIVER_PG_BIN to its bin folder)\n';
  if (process.env.CI || process.env.QUIVER_REQUIRE_POSTGRES === '1') {
    console.error(`${message}In CI this is a failure, not a skip.\n`);
    process.exit(1);
  }
  console.error(`${message}Running every other project; the PostgreSQL half of the server suite is SKIPPED.\n`);
  if (!args.some((a) => a.startsWith('--project'))) {
    projects.push(...['unit', 'server', 'reliability', 'e2e', 'reliability-browser'].flatMap((p) => ['--project', p]));
  }
}

const run = (cmd, argv) => {
  const { status } = spawnSync(cmd, argv, { stdio: 'inherit' });
  if (status !== 0) process.exit(status ?? 1);
};

run('npx', ['tsc', '--noEmit']);
run('npx', ['vitest', 'run', ...projects, ...args]);
