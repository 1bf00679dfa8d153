import { existsSync } from 'node:fs';

/** The system Chromium the end-to-end tests drive (Debian's `chromium` package by default). */
export function chromiumPath(): string {
  const candidates = [process.env.QUIVER_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => Boolean(p));
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      'End-to-end tests need Chromium, and none was found at ' +
        candidates.join(', ') +
        '. Install it with `apt-get install -y chromium` (Debian), or set QUIVER_CHROMIUM to its path.',
    );
  }
  return found;
}
