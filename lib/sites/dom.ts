/*
 * DOM reading helpers shared by the site adapters. Every reader takes the node to read from,
 * tolerates selectors the engine does not know (a rotten or too-new selector must not throw),
 * and returns undefined rather than an empty string, so a missing field stays missing.
 */

export type QueryRoot = Document | Element | ShadowRoot | DocumentFragment;

const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;

/** Text as a person reads it: zero-width characters dropped, whitespace collapsed. */
export function cleanText(s: string | null | undefined): string {
  return (s ?? '').replace(ZERO_WIDTH, '').replace(/\s+/g, ' ').trim();
}

/** Elements screen-reader-only or hidden duplicates live in; reading them would double the text. */
const SKIPPED_TEXT = 'script,style,template,noscript,[hidden],.visually-hidden,.a11y-text,.sr-only,.assistiveText,.slds-assistive-text';

/**
 * The text of an element without the screen-reader duplicates sites add next to visible
 * labels (LinkedIn's `visually-hidden`, Salesforce's `assistiveText`). Layout-free, so it
 * reads the same in a saved page as in the browser.
 */
export function textOf(el: Element | null | undefined): string | undefined {
  if (!el) return undefined;
  if (!el.querySelector(SKIPPED_TEXT)) return cleanText(el.textContent) || undefined;
  let out = '';
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) out += child.nodeValue ?? '';
      else if (child.nodeType === 1 && !(child as Element).matches(SKIPPED_TEXT)) {
        out += ' ';
        walk(child);
        out += ' ';
      }
    }
  };
  walk(el);
  return cleanText(out) || undefined;
}

/**
 * The lines of a block as a reader sees them: text between <br>s and block elements, each line
 * cleaned. `textContent` would glue "Maria Lopez<br>maria@…" into one word.
 */
export function linesOf(el: Element, max = 14): string[] {
  const lines = [''];
  const walk = (node: Node) => {
    for (let c = node.firstChild; c && lines.length <= max; c = c.nextSibling) {
      if (c.nodeType === 3) lines[lines.length - 1] += c.nodeValue ?? '';
      else if (c.nodeType === 1) {
        const block = /^(?:br|div|p|hr|li|tr|table|blockquote)$/.test((c as Element).localName);
        if (block) lines.push('');
        walk(c);
        if (block) lines.push('');
      }
    }
  };
  walk(el);
  return lines.map((l) => cleanText(l)).filter(Boolean);
}

/** querySelector that treats a selector the engine rejects as "no match". */
export function safeQuery<T extends Element = HTMLElement>(root: QueryRoot, selector: string): T | null {
  try {
    return root.querySelector<T>(selector as never) as T | null;
  } catch {
    return null;
  }
}

export function safeQueryAll<T extends Element = HTMLElement>(root: QueryRoot, selector: string): T[] {
  try {
    return Array.from(root.querySelectorAll<T>(selector as never)) as T[];
  } catch {
    return [];
  }
}

/** The first element any of the selectors finds, trying them in order (most specific first). */
export function queryFirst<T extends Element = HTMLElement>(root: QueryRoot, selectors: readonly string[]): T | null {
  for (const s of selectors) {
    const found = safeQuery<T>(root, s);
    if (found) return found;
  }
  return null;
}

/** Every element the selectors find, de-duplicated, in the order the selectors were tried. */
export function queryEvery<T extends Element = HTMLElement>(root: QueryRoot, selectors: readonly string[]): T[] {
  const seen = new Set<T>();
  for (const s of selectors) for (const el of safeQueryAll<T>(root, s)) seen.add(el);
  return [...seen];
}

/** The elements of the first selector that matches anything: one strategy, not a mix. */
export function queryFirstAll<T extends Element = HTMLElement>(root: QueryRoot, selectors: readonly string[]): T[] {
  for (const s of selectors) {
    const found = safeQueryAll<T>(root, s);
    if (found.length > 0) return found;
  }
  return [];
}

/** The text of the first matching element that has any, trying selectors in order. */
export function firstText(root: QueryRoot | null | undefined, selectors: readonly string[]): string | undefined {
  if (!root) return undefined;
  for (const s of selectors) {
    for (const el of safeQueryAll(root, s)) {
      const t = textOf(el);
      if (t) return t;
    }
  }
  return undefined;
}

/** `closest` across several selectors; the nearest ancestor any of them matches. */
export function closestAny(el: Element | null | undefined, selectors: readonly string[]): Element | null {
  if (!el) return null;
  let best: Element | null = null;
  for (const s of selectors) {
    let found: Element | null = null;
    try {
      found = el.closest(s);
    } catch {
      found = null;
    }
    if (found && (!best || best.contains(found))) best = found;
  }
  return best;
}

/** The parent in the composed tree: a shadow root's host counts as the parent of its children. */
function composedParent(el: Element): Element | null {
  if (el.parentElement) return el.parentElement;
  const root = el.getRootNode();
  // A nodeType check, not instanceof: nodes in a frame belong to another realm.
  return root.nodeType === 11 && 'host' in root ? (root as ShadowRoot).host : null;
}

/**
 * Whether a person could see the element. Lightning and HubSpot keep hidden pages and tabs in
 * the DOM, so "in the document" is not enough. Uses the browser's `checkVisibility` where it
 * exists, else walks the ancestors (a saved page in tests has no layout).
 */
export function isShown(el: Element | null | undefined): boolean {
  if (!el || !el.isConnected) return false;
  const check = (el as Element & { checkVisibility?: (o?: object) => boolean }).checkVisibility;
  if (typeof check === 'function') {
    if (!check.call(el, { visibilityProperty: true })) return false;
    // checkVisibility does not look past the frame: a hidden iframe hides its contents.
    const frame = el.ownerDocument.defaultView?.frameElement;
    return frame ? isShown(frame) : true;
  }
  const view = el.ownerDocument.defaultView;
  for (let n: Element | null = el; n; n = composedParent(n)) {
    if (n.hasAttribute('hidden')) return false;
    const style = view?.getComputedStyle(n);
    if (style && (style.display === 'none' || style.visibility === 'hidden')) return false;
  }
  const frame = view?.frameElement;
  return frame ? isShown(frame) : true;
}

/** An element's shadow root, open or (where the browser lets extensions see it) closed. */
export function shadowRootOf(el: Element): ShadowRoot | null {
  if (el.shadowRoot) return el.shadowRoot;
  const g = globalThis as {
    chrome?: { dom?: { openOrClosedShadowRoot?: (e: Element) => ShadowRoot | null } };
  };
  try {
    const viaChrome = g.chrome?.dom?.openOrClosedShadowRoot?.(el);
    if (viaChrome) return viaChrome;
  } catch {
    // Not an element Chrome will open for us.
  }
  // Firefox exposes closed roots to content scripts through this property.
  return (el as Element & { openOrClosedShadowRoot?: ShadowRoot | null }).openOrClosedShadowRoot ?? null;
}

/** The document inside a same-origin (or about:blank) frame; null when the browser hides it. */
export function frameDocument(frame: Element): Document | null {
  if (frame.localName !== 'iframe' && frame.localName !== 'frame') return null;
  try {
    return (frame as HTMLIFrameElement).contentDocument ?? null;
  } catch {
    return null;
  }
}

/** The documents of every same-origin frame under `root`, nested frames included. */
export function frameDocuments(root: QueryRoot, depth = 0): Document[] {
  if (depth > 4) return [];
  const docs: Document[] = [];
  for (const frame of safeQueryAll(root, 'iframe, frame')) {
    const d = frameDocument(frame);
    if (d?.documentElement) docs.push(d, ...frameDocuments(d, depth + 1));
  }
  return docs;
}

/**
 * The chain of focused elements from the top document down: each shadow host and frame on
 * the way, ending with the element that really has focus.
 */
export function activeChain(doc: Document): Element[] {
  const chain: Element[] = [];
  let el: Element | null = doc.activeElement;
  for (let guard = 0; el && guard < 12; guard++) {
    chain.push(el);
    const shadow = shadowRootOf(el);
    if (shadow?.activeElement) {
      el = shadow.activeElement;
      continue;
    }
    const inner = frameDocument(el);
    if (inner?.activeElement && inner.activeElement !== el) {
      el = inner.activeElement;
      continue;
    }
    break;
  }
  return chain;
}

/** The element that really has focus, through shadow roots and same-origin frames. */
export function deepActiveElement(doc: Document): Element | null {
  const chain = activeChain(doc);
  const last = chain[chain.length - 1] ?? null;
  return last === doc.body && chain.length === 1 ? null : last;
}

/** Runs `read` and returns its value, or undefined if the page made it throw. */
export function attempt<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}
