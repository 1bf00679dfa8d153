import { caretAt, currentRangeIn, rangeInside, selectRange } from './selection';

/**
 * Focuses an editor the way a click would: every frame around it first, top down, so the
 * editor's document is the focused one and execCommand acts on it.
 */
export function focusEditor(editor: HTMLElement): void {
  const frames: HTMLElement[] = [];
  try {
    for (let w: Window | null = editor.ownerDocument.defaultView; w?.frameElement; w = w.parent) {
      frames.unshift(w.frameElement as HTMLElement);
      if (w.parent === w) break;
    }
  } catch {
    // A cross-origin parent: focus what we can reach.
  }
  for (const f of frames) f.focus({ preventScroll: true });
  editor.focus({ preventScroll: true });
}

/**
 * Focuses the editor and puts the caret back where the rep left it: the saved caret, else the
 * caret the editor already held before focusing, else the start/end of the editor. (Focusing a
 * contenteditable that holds no selection puts the caret at its very start, so the "already
 * held" caret must be read before focusing.) Returns the range now selected.
 */
export function focusWithCaret(editor: HTMLElement, saved: Range | null, fallback: 'start' | 'end'): Range {
  const held = currentRangeIn(editor)?.cloneRange() ?? null;
  focusEditor(editor);
  const range = rangeInside(saved, editor) ? saved.cloneRange() : (held ?? caretAt(editor, fallback));
  selectRange(editor, range);
  return range;
}

/** The block element inside the editor that holds the caret, when it holds nothing else. */
export function emptyBlockAt(editor: HTMLElement, range: Range): Element | null {
  let node: Node | null = range.startContainer;
  if (node === editor) node = editor.childNodes[range.startOffset] ?? null;
  else if (node.nodeType !== 1) node = node.parentNode;
  for (; node && node !== editor; node = node.parentNode) {
    const el = node as Element;
    if (['p', 'div', 'li', 'h1', 'h2', 'h3', 'blockquote'].includes(el.localName)) {
      return el.parentNode === editor && (el.textContent ?? '').trim() === '' && !el.querySelector('img') ? el : null;
    }
  }
  return null;
}

/** Inserts nodes at the range (replacing an empty paragraph) and moves the caret after them. */
export function insertNodesAt(editor: HTMLElement, range: Range, fragment: DocumentFragment): void {
  const last = fragment.lastChild;
  const empty = fragment.querySelector?.('p,div,ul,ol,table,h1,h2,h3,blockquote') ? emptyBlockAt(editor, range) : null;
  if (empty) {
    empty.replaceWith(fragment);
  } else {
    range.deleteContents();
    range.insertNode(fragment);
  }
  if (last?.isConnected) {
    const after = editor.ownerDocument.createRange();
    after.setStartAfter(last);
    after.collapse(true);
    selectRange(editor, after);
  }
}
