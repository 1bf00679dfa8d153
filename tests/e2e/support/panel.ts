import type { Locator, Page } from 'playwright-core';

/** The Results list of a side panel page. */
export const resultsList = (page: Page): Locator => page.getByRole('list', { name: 'Results' });

/** Titles of the results, in order. */
export async function resultTitles(page: Page): Promise<string[]> {
  return resultsList(page).locator('.result-title').allInnerTexts();
}

/** One result, found by its title. */
export const result = (page: Page, title: string | RegExp): Locator =>
  resultsList(page)
    .getByRole('listitem')
    .filter({ has: page.getByRole('button', { name: title }) });

/** Waits until the panel shows the library (results listed). */
export async function waitForLibrary(page: Page): Promise<void> {
  await resultsList(page).getByRole('listitem').first().waitFor({ timeout: 20_000 });
}
