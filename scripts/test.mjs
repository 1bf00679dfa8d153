// `npm test`: type-check, lint, then every test project: unit, server and reliability (each on SQLite
// and on PostgreSQL), end-to-end in Chromium, and the Firefox smoke test. Each browser and
// PostgreSQL must be installed: a missing one stops the run with how to install it, rather
// than passing with part of the suite skipped.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

const chromium = [process.env.QUIVER_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p && existsSync(p));
const firefox = [process.env.QUIVER_FIREFOX, '/usr/bin/firefox-esr', '/usr/bin/firefox'].find((p) => p && existsSync(p));

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

const missing = [
  !chromium && ['Chromium, for the end-to-end tests', 'chromium', 'QUIVER_CHROMIUM to a Chromium or Chrome binary'],
  !firefox && ['Firefox, for the Firefox smoke test', 'firefox-esr', 'QUIVER_FIREFOX to a Firefox binary'],
  !postgresBin() && ['PostgreSQL, for the server suite on PostgreSQL', 'postgresql', 'QUIVER_PG_BIN to its bin folder'],
].filter(Boolean);
if (missing.length > 0) {
  console.error(
    `\nnpm test needs, and did not find:\n${missing.map(([what]) => `  - ${what}`).join('\n')}\n` +
      `Install with:  sudo apt-get install -y ${missing.map(([, pkg]) => pkg).join(' ')}   (Debian/Ubuntu)\n` +
      `or set ${missing.map(([, , env]) => env).join('; ')}.\n`,
  );
  process.exit(1);
}

const run = (cmd, argv) => {
  const { status } = spawnSync(cmd, argv, { stdio: 'inherit' });
  if (status !== 0) process.exit(status ?? 1);
};

run('npx', ['tsc', '--noEmit']);
// ESLint, the Prettier check and knip (`npm run lint`), with no warning allowed.
run('npm', ['run', 'lint']);
run('npx', ['vitest', 'run', ...process.argv.slice(2)]);
