import type { MessageCase } from './browser-message-cases';

/*
 * Sends message cases from inside a browser context (an extension page, or the content
 * script's world) and says what became of each. It runs there, not here: it is passed to
 * page.evaluate, or written into an expression with `senderExpression`, so it must not close
 * over anything.
 */

/**
 * - answered: the receiver replied with a value;
 * - silent: delivered, and the receiver gave no answer (ignored, or a notification);
 * - refused: the browser would not send it (BigInt, a cycle, nesting or size past its limits);
 * - hung: no answer within the time limit (a handler that never settles);
 * - error: anything else, e.g. no receiver at all (the content script is gone).
 */
export type Outcome = 'answered' | 'silent' | 'refused' | 'hung' | `error: ${string}`;

export type Target = { kind: 'runtime' } | { kind: 'tab'; tabId: number };

export async function sendCasesInPage({ cases, target }: { cases: Pick<MessageCase, 'json' | 'special'>[]; target: Target }): Promise<Outcome[]> {
  const api = (
    globalThis as unknown as {
      chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> }; tabs: { sendMessage(t: number, m: unknown, o: object): Promise<unknown> } };
    }
  ).chrome;
  const outcomes: Outcome[] = [];
  for (const c of cases) {
    let msg: unknown = undefined;
    if (c.special !== 'undefined') {
      msg = JSON.parse(c.json);
      const isObject = msg !== null && typeof msg === 'object' && !Array.isArray(msg);
      const extra =
        c.special === 'bigint'
          ? BigInt(1)
          : c.special === 'function'
            ? () => 1
            : c.special === 'symbol'
              ? Symbol('x')
              : c.special === 'map'
                ? new Map([[1, 2]])
                : undefined;
      if (c.special === 'cyclic') {
        const holder = (isObject ? msg : { m: msg }) as Record<string, unknown>;
        holder.x = holder;
        msg = holder;
      } else if (c.special) {
        if (isObject) (msg as Record<string, unknown>).x = extra;
        else msg = extra;
      }
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const sent = target.kind === 'runtime' ? api.runtime.sendMessage(msg) : api.tabs.sendMessage(target.tabId, msg, { frameId: 0 });
      const limit = new Promise<'hung'>((resolve) => (timer = setTimeout(() => resolve('hung'), 15_000)));
      const answer = await Promise.race([sent, limit]);
      outcomes.push(answer === 'hung' ? 'hung' : answer === undefined ? 'silent' : 'answered');
    } catch (error) {
      const text = String(error);
      // Chrome's own argument check: the message could not be serialised.
      outcomes.push(/Error in invocation of (runtime|tabs)\.sendMessage/.test(text) ? 'refused' : `error: ${text.slice(0, 200)}`);
    } finally {
      clearTimeout(timer);
    }
  }
  return outcomes;
}

/** The sender as an expression for Runtime.evaluate in another world. */
export function senderExpression(args: Parameters<typeof sendCasesInPage>[0]): string {
  return `(${sendCasesInPage.toString()})(${JSON.stringify(args)})`;
}
