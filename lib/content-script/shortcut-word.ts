import { currentRangeIn } from '../editors/selection';
import { isTextField } from '../editors/target';

/*
 * The `;word` right before the caret, found synchronously in the keydown of the expand key:
 * only a known shortcut lets Quiver take that key from the page. Inline formatting may split
 * the typed word (`;in<b>tro</b>`), so the text is read across inline elements, but never
 * across a line break or a block, where the rep started a new line.
 */

/** A shortcut the rep typed: where it is, so it can be replaced (and Ctrl+Z bring it back). */
export interface TypedShortcut {
  /** The shortcut word without the prefix, as typed. */
  word: string;
  /** The prefix and the word: what must still be there when the content arrives. */
  text: string;
  editor: HTMLElement;
  /** In a contenteditable: a live range over the typed text. */
  range: Range | null;
  /** In a textarea or input: the typed text's offsets in the value. */
  start: number;
  end: number;
}

const WORD = /^[\p{L}\p{N}_-]+$/u;
const WORD_CHAR = /[\p{L}\p{N}]/u;
const BLOCK = /^(p|div|li|ul|ol|h[1-6]|blockquote|pre|table|tr|td|th|section|article|header|footer|br|hr)$/;
/** Longer than any shortcut (40) plus its prefix (3) and the character before it. */
const MAX_LOOKBACK = 48;

/**
 * The shortcut at the end of `text`, if the text ends with the prefix and a known word that
 * stands on its own (`mail;intro` and `http://x/intro` are not shortcuts).
 */
export function matchShortcut(text: string, prefix: string, known: ReadonlySet<string>): string | null {
  const at = text.lastIndexOf(prefix);
  if (at < 0) return null;
  const word = text.slice(at + prefix.length);
  if (!WORD.test(word) || !known.has(word.toLowerCase())) return null;
  return at > 0 && WORD_CHAR.test(text[at - 1]!) ? null : word;
}

interface Piece {
  node: Text;
  from: number;
  to: number;
}

/** The text nodes of the caret's line, up to the caret, in order. */
function lineBefore(editor: HTMLElement, caret: Range): Piece[] {
  let block: Node = editor;
  for (let n: Node | null = caret.startContainer; n && n !== editor; n = n.parentNode) {
    if (n.nodeType === 1 && BLOCK.test((n as Element).localName)) {
      block = n;
      break;
    }
  }
  const doc = editor.ownerDocument;
  const walker = doc.createTreeWalker(block, 5 /* SHOW_ELEMENT | SHOW_TEXT */);
  let pieces: Piece[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    // Anything starting after the caret is past the typed text.
    if (caret.comparePoint(n, 0) > 0) break;
    if (n.nodeType === 1) {
      if (BLOCK.test((n as Element).localName)) pieces = [];
      continue;
    }
    const text = n as Text;
    const to = text === caret.startContainer ? caret.startOffset : text.length;
    pieces.push({ node: text, from: 0, to });
    if (text === caret.startContainer) break;
  }
  return pieces;
}

/** A range over the last `length` characters of the pieces. */
function rangeOverEnd(doc: Document, pieces: Piece[], length: number): Range {
  const range = doc.createRange();
  const last = pieces[pieces.length - 1]!;
  range.setEnd(last.node, last.to);
  let left = length;
  for (let i = pieces.length - 1; i >= 0; i--) {
    const p = pieces[i]!;
    const size = p.to - p.from;
    if (left <= size) {
      range.setStart(p.node, p.to - left);
      break;
    }
    left -= size;
  }
  return range;
}

/** The shortcut typed right before the caret in this editor, or null. */
export function findTypedShortcut(editor: HTMLElement, prefix: string, known: ReadonlySet<string>): TypedShortcut | null {
  if (isTextField(editor)) {
    const end = editor.selectionStart;
    if (end === null || end !== editor.selectionEnd) return null;
    const line = editor.value
      .slice(Math.max(0, end - MAX_LOOKBACK), end)
      .split('\n')
      .pop()!;
    const word = matchShortcut(line, prefix, known);
    if (!word) return null;
    const text = prefix + word;
    return { word, text, editor, range: null, start: end - text.length, end };
  }
  const caret = currentRangeIn(editor);
  if (!caret || !caret.collapsed) return null;
  const pieces = lineBefore(editor, caret);
  const line = pieces
    .map((p) => p.node.data.slice(p.from, p.to))
    .join('')
    .slice(-MAX_LOOKBACK);
  const word = matchShortcut(line, prefix, known);
  if (!word) return null;
  const text = prefix + word;
  return { word, text, editor, range: rangeOverEnd(editor.ownerDocument, pieces, text.length), start: 0, end: 0 };
}

/** Whether the typed shortcut is still where it was (the rep may have typed on meanwhile). */
export function stillTyped(typed: TypedShortcut): boolean {
  if (!typed.editor.isConnected) return false;
  if (!typed.range) return (typed.editor as HTMLTextAreaElement).value.slice(typed.start, typed.end) === typed.text;
  return typed.range.toString() === typed.text;
}
