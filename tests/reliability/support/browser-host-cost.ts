import type { Page } from 'playwright-core';
import type { ExtensionSession } from '../../e2e/support/extension';

/*
 * What scripts cost a page's main thread per burst of DOM mutations, from Chromium's own
 * counter (CDP Performance.getMetrics, ScriptDuration: time spent running JavaScript, DOM
 * calls made from it included). The burst itself is run through DevTools (page.evaluate),
 * which the counter leaves out, so on a page with no other script the counter stays at zero —
 * the test checks that on a host the content script does not match — and on the real URL
 * everything it counts is the extension's.
 */

export async function scriptTimePerBurst(
  session: ExtensionSession,
  page: Page,
  burst: (page: Page, index: number) => Promise<void>,
  { bursts, settleMs }: { bursts: number; settleMs: number },
): Promise<number[]> {
  const cdp = await session.context.newCDPSession(page);
  const scriptSeconds = async () => {
    const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
    return metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0;
  };
  const perBurst: number[] = [];
  try {
    await cdp.send('Performance.enable');
    for (let i = 0; i < bursts; i++) {
      const before = await scriptSeconds();
      await burst(page, i);
      // Long enough for the script's debounced read, which waits for the page to be idle.
      await page.waitForTimeout(settleMs);
      perBurst.push((await scriptSeconds()) - before);
    }
  } finally {
    await cdp.detach();
  }
  return perBurst.map((s) => +(s * 1000).toFixed(2));
}

/** Median and largest of a list of numbers. */
export function summarise(values: number[]): { median: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)] ?? 0, max: sorted.at(-1) ?? 0 };
}
