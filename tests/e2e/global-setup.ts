import { execFileSync } from 'node:child_process';
import { chromiumPath } from './support/chromium';

/** Fails loudly before any test when Chromium is missing; builds the extension under test. */
export default function setup(): void {
  chromiumPath();
  if (process.env.QUIVER_SKIP_BUILD !== '1') {
    // Without vitest's NODE_ENV=test, which would bundle React's development build: the tests
    // run what `npm run build` ships.
    const env = { ...process.env };
    delete env.NODE_ENV;
    execFileSync('npx', ['wxt', 'build'], { stdio: ['ignore', 'ignore', 'inherit'], env });
  }
}
