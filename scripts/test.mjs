// `npm test`: type-check, then every test project (unit, server, end-to-end in Chromium, the
// Firefox smoke test).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

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

const firefox = [process.env.QUIVER_FIREFOX, '/usr/bin/firefox-esr', '/usr/bin/firefox'].find((p) => p && existsSync(p));
if (!firefox) {
  console.error(
    '\nnpm test needs Firefox for the Firefox smoke test, and none was found.\n' +
      'Install it with:  sudo apt-get install -y firefox-esr   (Debian)\n' +
      'or set QUIVER_FIREFOX to the path of a Firefox binary.\n',
  );
  process.exit(1);
}

const run = (cmd, args) => {
  const { status } = spawnSync(cmd, args, { stdio: 'inherit' });
  if (status !== 0) process.exit(status ?? 1);
};

run('npx', ['tsc', '--noEmit']);
run('npx', ['vitest', 'run', ...process.argv.slice(2)]);
