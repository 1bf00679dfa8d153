import type { WatchTarget } from '../sites/adapter';

/*
 * Observes the few parts of the page an adapter says can change the context (a compose's
 * recipients, a deal's stage) and, for a few seconds after a navigation, the whole body while
 * the app renders the new page. Mutations inside contenteditable editors are ignored, so
 * typing never triggers a read.
 */
const SETTLE_MS = 4000;

function insideEditor(node: Node): boolean {
  const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  return !!el?.closest('[contenteditable="true"], [contenteditable=""], [contenteditable="plaintext-only"]');
}

export class PageWatcher {
  private readonly narrow: MutationObserver;
  private readonly settle: MutationObserver;
  private watched: WatchTarget[] = [];
  private settleTimer: number | undefined;

  constructor(
    private readonly win: Window,
    private readonly signal: AbortSignal,
    changed: () => void,
  ) {
    const onMutations = (records: MutationRecord[]) => {
      if (records.some((r) => !insideEditor(r.target))) changed();
    };
    this.narrow = new MutationObserver(onMutations);
    this.settle = new MutationObserver(onMutations);
    signal.addEventListener('abort', () => {
      this.narrow.disconnect();
      this.settle.disconnect();
      if (this.settleTimer !== undefined) win.clearTimeout(this.settleTimer);
    });
  }

  /** Observes exactly these targets from now on (re-evaluated after every read). */
  watch(targets: WatchTarget[]): void {
    if (this.signal.aborted) return;
    const same =
      targets.length === this.watched.length &&
      targets.every((t, i) => t.node === this.watched[i]?.node && t.subtree === this.watched[i]?.subtree && t.attributes === this.watched[i]?.attributes);
    if (same) return;
    this.narrow.disconnect();
    this.watched = targets;
    for (const { node, subtree, attributes = true } of targets) {
      this.narrow.observe(node, subtree ? { childList: true, subtree: true, attributes, characterData: attributes } : { childList: true });
    }
  }

  /** Follows the body's changes for a few seconds while a newly navigated page renders. */
  settleAfterNavigation(): void {
    if (this.signal.aborted) return;
    const body = this.win.document.body;
    if (body) this.settle.observe(body, { childList: true, subtree: true });
    if (this.settleTimer !== undefined) this.win.clearTimeout(this.settleTimer);
    this.settleTimer = this.win.setTimeout(() => this.settle.disconnect(), SETTLE_MS);
  }
}
