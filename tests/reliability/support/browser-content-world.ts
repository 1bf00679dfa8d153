import type { CDPSession, Page } from 'playwright-core';
import type { ExtensionSession } from '../../e2e/support/extension';

/*
 * The content script's world, reached over CDP: Chromium reports one execution context per
 * world of each frame (`Runtime.executionContextCreated`); an extension's content scripts run
 * in an isolated world whose origin is the extension's. Evaluating there is acting as the
 * content script would (or as a compromised one could): its `chrome.runtime` is the
 * extension's, its globals are not the page's.
 */

interface ContextDescription {
  id: number;
  origin: string;
  name: string;
  auxData?: { frameId?: string; isDefault?: boolean; type?: string };
}

export interface ContentWorld {
  /** Isolated-world contexts of this extension seen in the page so far (any frame). */
  contexts(): ContextDescription[];
  /** Evaluates an expression in the top frame's content-script world; the value comes back as JSON. */
  evaluate<T>(expression: string): Promise<T>;
  detach(): Promise<void>;
}

/** Starts watching a page's execution contexts; contexts that already exist are reported at once. */
export async function watchContentWorld(session: ExtensionSession, page: Page): Promise<ContentWorld> {
  const cdp: CDPSession = await session.context.newCDPSession(page);
  const origin = `chrome-extension://${session.extensionId}`;
  const seen: ContextDescription[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }: { context: ContextDescription }) => {
    if (context.origin === origin || context.name === 'Quiver' || context.auxData?.type === 'isolated') seen.push(context);
  });
  cdp.on('Runtime.executionContextDestroyed', ({ executionContextId }: { executionContextId: number }) => {
    const at = seen.findIndex((c) => c.id === executionContextId);
    if (at >= 0) seen.splice(at, 1);
  });
  await cdp.send('Runtime.enable');
  const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
  const top = frameTree.frame.id;
  const ours = () => seen.filter((c) => c.origin === origin);
  return {
    contexts: ours,
    async evaluate<T>(expression: string) {
      const world = ours().find((c) => c.auxData?.frameId === top);
      if (!world) throw new Error('no content-script world in the top frame');
      const answer = (await cdp.send('Runtime.evaluate', { expression, contextId: world.id, awaitPromise: true, returnByValue: true })) as {
        result: { value?: T };
        exceptionDetails?: { text: string; exception?: { description?: string } };
      };
      if (answer.exceptionDetails) throw new Error(answer.exceptionDetails.exception?.description ?? answer.exceptionDetails.text);
      return answer.result.value as T;
    },
    detach: () => cdp.detach(),
  };
}
