import { execFileSync } from 'node:child_process';
import { firefoxPath } from './support/firefox';

/** Fails loudly before any test when Firefox is missing; builds the Firefox add-on under test. */
export default function setup(): void {
  firefoxPath();
  if (process.env.QUIVER_SKIP_BUILD !== '1') {
    // Without vitest's NODE_ENV=test, which would bundle React's development build: the test
    // runs what `npm run build:firefox` ships.
    const env = { ...process.env };
    delete env.NODE_ENV;
    execFileSync('npx', ['wxt', 'build', '-b', 'firefox'], { stdio: ['ignore', 'ignore', 'inherit'], env });
  }
}
