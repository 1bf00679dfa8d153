import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { SITE_REGISTRY, type SiteEntry } from '../../lib/sites/registry';
import { EXTENSION_DIR, launchExtension, type ExtensionSession } from './support/extension';

/*
 * The permission warnings the README lists are the ones Chromium shows for the built manifest:
 * at install, and when the rep turns a site's region on. Chromium says them itself
 * (management.getPermissionWarningsByManifest needs no permission).
 */

let session: ExtensionSession;
beforeAll(async () => {
  session = await launchExtension();
});
afterAll(async () => {
  await session?.close();
});

const README = readFileSync(path.resolve(__dirname, '../../README.md'), 'utf8');
const manifest = JSON.parse(readFileSync(path.join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
  host_permissions: string[];
  optional_host_permissions?: string[];
};

/** The README's list between `<!-- permission-warnings: name -->` and its end marker, as lines. */
function listed(name: string): string[] {
  const m = new RegExp(`<!-- permission-warnings: ${name} -->\\n([\\s\\S]*?)<!-- /permission-warnings -->`).exec(README);
  if (!m) throw new Error(`README has no permission-warnings: ${name} list`);
  return m[1]!
    .trim()
    .split('\n')
    .map((line) => line.replace(/^(\s*)- /, '$1'));
}

async function warnings(manifestJson: object): Promise<string[]> {
  const page = await session.openPage('options.html');
  try {
    return await page.evaluate(
      (json) =>
        (
          globalThis as unknown as { chrome: { management: { getPermissionWarningsByManifest(s: string): Promise<string[]> } } }
        ).chrome.management.getPermissionWarningsByManifest(json),
      JSON.stringify(manifestJson),
    );
  } finally {
    await page.close();
  }
}

const hostsOnly = (hosts: string[]) => ({ manifest_version: 3, name: 'hosts', version: '1', host_permissions: hosts });

test('the README lists what Chromium shows at install, host by host', async () => {
  const shown = await warnings(manifest);
  const perHost = (await Promise.all(manifest.host_permissions.map(async (h) => (await warnings(hostsOnly([h]))).map((w) => `  ${w}`)))).flat();
  // The host line expands to its hosts, right under it.
  const hostLine = shown.findIndex((w) => w.startsWith('Read and change your data'));
  expect(hostLine).toBeGreaterThanOrEqual(0);
  const expected = [...shown.slice(0, hostLine + 1), ...perHost, ...shown.slice(hostLine + 1)];
  expect(listed('install')).toEqual(expected);
});

test('the README lists what Chromium asks for each region, and no region is asked for at install', async () => {
  expect(manifest.host_permissions.some((h) => manifest.optional_host_permissions?.includes(h))).toBe(false);
  const regions = (SITE_REGISTRY as readonly SiteEntry[]).flatMap((entry) => entry.regions ?? []);
  const asked = (await Promise.all(regions.map((r) => warnings(hostsOnly([...r.matches]))))).flat();
  expect(listed('regions')).toEqual(asked);
});
