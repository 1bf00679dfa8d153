import type { Page } from 'playwright-core';
import { until } from './browser-session';

/*
 * Connects the extension to a real library server the way a rep does: the options page's
 * Server URL and Access token, Save (which checks the token and syncs), then the status line.
 */

/** Saves the server and token, and waits until the options page says who the token belongs to. */
export async function connect(options: Page, server: { url: string }, token: string): Promise<void> {
  await options.getByLabel('Server URL').fill(server.url);
  await options.getByLabel('Access token').fill(token);
  await options.getByRole('button', { name: 'Save' }).click();
  await until(
    () => options.getByRole('alert').innerText(),
    (text) => text.startsWith('Connected as '),
    'the token check',
  );
}

/** The options page's sync status line. */
export function syncStatus(options: Page): Promise<string> {
  return options.getByRole('status').first().innerText();
}

/** Waits until the status line says the library synced with `items` items; returns the line. */
export function waitForSynced(options: Page, items: number, timeoutMs = 60_000): Promise<string> {
  const synced = new RegExp(`^Last synced .* — ${items} items\\.`);
  return until(
    () => syncStatus(options),
    (line) => synced.test(line),
    `a sync of ${items} items`,
    timeoutMs,
  );
}
