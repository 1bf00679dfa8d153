import type { Page } from 'playwright-core';
import type { ExtensionSession } from '../../e2e/support/extension';

/*
 * Where the content script's time goes, from V8's sampling profiler over CDP: every sample
 * whose stack holds a frame of the extension's scripts counts, named after the script
 * functions on the stack (native work, such as a DOM query, after the function that asked for
 * it). Sampling adds its own overhead, so the budget is judged with browser-host-cost.ts; this
 * says what to fix when it is missed.
 */

/** Microseconds between samples: fine enough for work of a fraction of a millisecond. */
const SAMPLING_US = 100;

interface ProfileNode {
  id: number;
  callFrame: { url: string; functionName: string };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface BurstProfile {
  /** Main-thread time with extension code on the stack, ms (sampling overhead included). */
  contentScriptMs: number;
  /** The hottest stacks of extension code, `outer>…>inner>native ms`. */
  hottest: string[];
}

function attribute(profile: Profile, extensionOrigin: string): BurstProfile {
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const onStack = new Map<number, boolean>();
  const extensionOnStack = (id: number): boolean => {
    if (!onStack.has(id)) {
      const up = parent.get(id);
      onStack.set(id, (byId.get(id)?.callFrame.url ?? '').startsWith(extensionOrigin) || (up !== undefined && extensionOnStack(up)));
    }
    return onStack.get(id)!;
  };
  let extensionUs = 0;
  const bySelf = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i + 1] ?? 0;
    if (extensionOnStack(id)) {
      extensionUs += dt;
      // Native work (a DOM query) is named after the script function that asked for it.
      const frame = byId.get(id)!.callFrame;
      let caller = id;
      while (!byId.get(caller)!.callFrame.url.startsWith(extensionOrigin) && parent.has(caller)) caller = parent.get(caller)!;
      const js = byId.get(caller)!.callFrame;
      const chain: string[] = [];
      for (let up = parent.get(caller); up !== undefined && chain.length < 3; up = parent.get(up)) {
        const f = byId.get(up)!.callFrame;
        if (f.url.startsWith(extensionOrigin)) chain.unshift(f.functionName || '(anonymous)');
      }
      const name = `${[...chain, js.functionName || '(anonymous)'].join('>')}${frame === js ? '' : `>${frame.functionName}`}`;
      bySelf.set(name, (bySelf.get(name) ?? 0) + dt);
    }
  });
  return {
    contentScriptMs: extensionUs / 1000,
    hottest: [...bySelf]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8)
      .map(([name, us]) => `${name} ${(us / 1000).toFixed(2)}`),
  };
}

/** Profiles `bursts` bursts one at a time, each followed by `settleMs` of quiet. */
export async function profileBursts(
  session: ExtensionSession,
  page: Page,
  burst: (page: Page, index: number) => Promise<void>,
  { bursts, settleMs }: { bursts: number; settleMs: number },
): Promise<BurstProfile[]> {
  const cdp = await session.context.newCDPSession(page);
  const origin = `chrome-extension://${session.extensionId}/`;
  const costs: BurstProfile[] = [];
  try {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_US });
    for (let i = 0; i < bursts; i++) {
      await cdp.send('Profiler.start');
      await burst(page, i);
      await page.waitForTimeout(settleMs);
      const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
      costs.push(attribute(profile, origin));
    }
  } finally {
    await cdp.detach();
  }
  return costs;
}
