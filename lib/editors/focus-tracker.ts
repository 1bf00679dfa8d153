import { activeChain, frameDocument } from '../sites/dom';
import { currentRangeIn, rangeInside } from './selection';
import { editableRootOf, isExcludedField } from './target';

/*
 * Remembers where the rep was on the page: the last element focused, the last editor and the
 * caret inside it, as the browser's own focus events tell (never one a page script dispatched). Focus moves to the side panel (or the Quiver button) before Insert is
 * clicked, and in a single document a click elsewhere moves the selection too, so the caret
 * is saved as it moves, not looked up afterwards.
 *
 * Listens in the top document (capturing, so events from open shadow roots arrive with their
 * real target in composedPath) and in same-origin frame documents it reaches. A frame whose
 * document is rewritten (document.open/write, as Salesforce's CKEditor frames are) loses its
 * listeners; the tracker notices by the new documentElement and listens again.
 */
export class FocusTracker {
  lastFocused: Element | null = null;
  lastEditor: HTMLElement | null = null;
  private caret: Range | null = null;
  private readonly hooked = new WeakMap<Document, Element | null>();

  constructor(
    private readonly top: Document,
    private readonly signal: AbortSignal,
    /** Called when focus lands somewhere new, so the context can be read again. */
    private readonly onMove: () => void = () => {},
    /**
     * Whether a focus event is the browser's own. A page script can dispatch a `focusin` on any
     * element; it must not move where Insert goes. jsdom tests keep the default.
     */
    private readonly isUserInput: (event: Event) => boolean = () => true,
  ) {}

  start(): void {
    this.hook(this.top);
    // Focus entering a frame shows in the top document only as its window losing focus.
    this.top.defaultView?.addEventListener('blur', () => this.deferSync(), { signal: this.signal });
    this.sync();
  }

  /** The saved caret for this editor, if it is still inside it. */
  savedRange(editor: HTMLElement): Range | null {
    return editor === this.lastEditor && rangeInside(this.caret, editor) ? this.caret : null;
  }

  /** Makes an editor the current one (the rep clicked the Quiver button beside it). */
  remember(editor: HTMLElement): void {
    if (editor === this.lastEditor) return;
    this.lastEditor = editor;
    this.caret = null;
  }

  /**
   * Reads the focus chain now, through shadow roots and frames, listening in any frame
   * document met on the way. Returns the element that really has focus.
   */
  sync(): Element | null {
    const chain = activeChain(this.top);
    for (const el of chain) {
      const inner = frameDocument(el);
      if (inner) this.hook(inner);
    }
    const deepest = chain[chain.length - 1] ?? null;
    if (deepest && !(chain.length === 1 && deepest === this.top.body)) this.note(deepest);
    return deepest;
  }

  private deferSync(): void {
    this.top.defaultView?.setTimeout(() => {
      if (!this.signal.aborted) {
        this.sync();
        this.onMove();
      }
    }, 0);
  }

  private hook(doc: Document): void {
    if (this.hooked.has(doc) && this.hooked.get(doc) === doc.documentElement) return;
    this.hooked.set(doc, doc.documentElement);
    const opts = { capture: true, signal: this.signal };
    doc.addEventListener('focusin', (e) => this.onFocusIn(e), opts);
    doc.addEventListener('selectionchange', () => this.saveCaret(), { signal: this.signal });
    if (doc !== this.top) doc.defaultView?.addEventListener('blur', () => this.deferSync(), { signal: this.signal });
  }

  private onFocusIn(e: Event): void {
    if (!this.isUserInput(e)) return;
    const target = (e.composedPath()[0] ?? e.target) as Element | null;
    if (!target || target.nodeType !== 1) return;
    if (frameDocument(target)) {
      this.deferSync();
      return;
    }
    this.note(target);
    this.onMove();
  }

  private note(el: Element): void {
    this.lastFocused = el;
    const editor = editableRootOf(el);
    if (!editor || isExcludedField(editor)) return;
    if (editor !== this.lastEditor) {
      this.lastEditor = editor;
      this.caret = null;
    }
    this.saveCaret();
  }

  private saveCaret(): void {
    const editor = this.lastEditor;
    if (!editor || editor.localName === 'textarea' || editor.localName === 'input') return;
    const range = currentRangeIn(editor);
    if (range) this.caret = range.cloneRange();
  }
}
