/*
 * Selections inside editors that may live in shadow roots or frames. Chrome reports a
 * selection inside a shadow tree through the shadow root's own getSelection(); the document's
 * selection only shows the host, so the root is asked first.
 */

export function selectionFor(node: Node): Selection | null {
  const root = node.getRootNode() as (Document | ShadowRoot) & { getSelection?: () => Selection | null };
  if (root.nodeType === 11 && typeof root.getSelection === 'function') {
    const s = root.getSelection();
    if (s) return s;
  }
  const doc = node.ownerDocument ?? (node as Document);
  return doc.getSelection?.() ?? doc.defaultView?.getSelection() ?? null;
}

export function rangeInside(range: Range | null | undefined, editor: Node): range is Range {
  if (!range) return false;
  const { startContainer, endContainer } = range;
  return startContainer.isConnected && editor.contains(startContainer) && editor.contains(endContainer);
}

/** The current selection's first range when it lies inside the editor. */
export function currentRangeIn(editor: Node): Range | null {
  const sel = selectionFor(editor);
  if (!sel || sel.rangeCount === 0) return null;
  const range = sel.getRangeAt(0);
  return rangeInside(range, editor) ? range : null;
}

export function selectRange(editor: Node, range: Range): void {
  const sel = selectionFor(editor);
  if (!sel) return;
  sel.removeAllRanges();
  sel.addRange(range);
}

/** A collapsed caret at the start or the end of the editor's content. */
export function caretAt(editor: HTMLElement, where: 'start' | 'end'): Range {
  const range = editor.ownerDocument.createRange();
  range.selectNodeContents(editor);
  // Keep the caret inside the first/last paragraph rather than between block elements.
  let node: Node = editor;
  for (let guard = 0; guard < 20; guard++) {
    const next: ChildNode | null = where === 'start' ? node.firstChild : node.lastChild;
    if (!next || next.nodeType !== 1 || ['br', 'img', 'hr'].includes((next as Element).localName)) break;
    node = next;
  }
  range.selectNodeContents(node);
  range.collapse(where === 'start');
  return range;
}
