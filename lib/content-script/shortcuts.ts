import { insertContent } from '../editors/insert';
import { editableRootOf, type EditorTarget } from '../editors/target';
import type { PaletteRequest } from '../palette/host-contract';
import type { Messenger } from '../messaging/send';
import type { InsertPayload, InsertResult, MessagesBetween, ShortcutConfig } from '../schema/messages';
import type { PageContext } from '../schema/page-context';
import type { ResolvedPage } from '../sites/page';
import { activeChain, deepActiveElement, frameDocument } from '../sites/dom';
import { findTypedShortcut, stillTyped, type TypedShortcut } from './shortcut-word';
import { showNotice } from './shortcut-notice';
import { viewportRect } from './viewport-rect';

/*
 * Shortcut expansion: `;intro` then Tab (or Space) in an editor becomes the rendered item.
 * The key is taken from the page only when the word before the caret is a known shortcut,
 * decided synchronously from a cached list (fetched at start and again on
 * `bg->content:shortcuts-changed`); everything after that is asynchronous.
 * The typed text is selected and replaced through the insertion engine, so the editor's own
 * undo brings it back, and it stays when the item cannot go out.
 */

export interface ShortcutDeps {
  top: Document;
  signal: AbortSignal;
  /** The page now: the editor the content would go into and its context. */
  page(): ResolvedPage;
  /** The background, which holds the library. */
  bg: Messenger<MessagesBetween<'content', 'bg'>>;
  /** A key the page's script dispatched is not the rep's: it expands nothing (default: every key counts). */
  isUserInput?(event: Event): boolean;
  /** Opens the palette's fill form for an item that needs values the page lacks. */
  fill(request: PaletteRequest & { kind: 'fill' }, target: EditorTarget, typed: TypedShortcut): void;
}

/** Inserts content over a typed shortcut, if it is still there. */
export function insertOverTyped(target: EditorTarget, typed: TypedShortcut, payload: InsertPayload): InsertResult {
  if (!stillTyped(typed)) return { ok: false, reason: 'failed', detail: 'the typed shortcut changed' };
  if (!typed.range) (typed.editor as HTMLTextAreaElement).setSelectionRange(typed.start, typed.end);
  return insertContent(target, payload, { savedRange: typed.range, win: typed.editor.ownerDocument.defaultView as Window & typeof globalThis });
}

export class ShortcutExpander {
  private config: ShortcutConfig | undefined;
  private known = new Set<string>();
  private loading = false;
  private retryAt = 0;
  private readonly hooked = new WeakMap<Document, Element | null>();

  constructor(private readonly deps: ShortcutDeps) {}

  start(): void {
    this.hook(this.deps.top);
    // Now, not at the first Tab: the page already told the background it is here, and the list
    // must be in hand before the rep's first expansion.
    this.load();
  }

  /** The library or the settings changed: fetch the list again (the old one serves meanwhile). */
  invalidate(): void {
    this.retryAt = 0;
    this.load();
  }

  /**
   * Listens in the frames focus went into (Salesforce's editor frames). Called when focus
   * moves; a frame whose document was rewritten gets a listener again.
   */
  follow(): void {
    for (const el of activeChain(this.deps.top)) {
      const inner = frameDocument(el);
      if (inner) this.hook(inner);
    }
  }

  private hook(doc: Document): void {
    if (this.hooked.has(doc) && this.hooked.get(doc) === doc.documentElement) return;
    this.hooked.set(doc, doc.documentElement);
    // Capturing at the window, so the decision is made before the editor's own handlers run.
    (doc.defaultView ?? doc).addEventListener('keydown', (e) => this.onKeyDown(e as KeyboardEvent), { capture: true, signal: this.deps.signal });
  }

  private load(): void {
    // A background that did not answer is asked again a little later, not on every key.
    if (this.loading || Date.now() < this.retryAt) return;
    this.loading = true;
    const failed = () => {
      this.retryAt = Date.now() + 5000;
    };
    void this.deps.bg
      .request('content->bg:get-shortcuts')
      .then((config) => {
        this.config = config;
        this.known = new Set(config.shortcuts.map((s) => s.toLowerCase()));
      }, failed)
      .finally(() => {
        this.loading = false;
      });
  }

  private onKeyDown(e: KeyboardEvent): void {
    if (e.defaultPrevented || e.isComposing || e.ctrlKey || e.metaKey || e.altKey || e.shiftKey) return;
    if (this.deps.isUserInput && !this.deps.isUserInput(e)) return;
    const config = this.config;
    if (config && e.key !== (config.key === 'Tab' ? 'Tab' : ' ')) return;
    const el = editableRootOf(e.composedPath()[0] as Node) ?? editableRootOf(deepActiveElement(this.deps.top));
    if (!el) return;
    if (!config) return this.load();
    const typed = findTypedShortcut(el, config.prefix, this.known);
    if (!typed) return;
    // Only an editor the content script can insert into (the adapter's, or a text box it accepts).
    const { editor, context } = this.deps.page();
    if (editor?.element !== el) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    void this.expand(editor, context, typed);
  }

  private async expand(target: EditorTarget, context: PageContext, typed: TypedShortcut): Promise<void> {
    const reply = await this.deps.bg.request('content->bg:render', { shortcut: typed.word.toLowerCase(), context }).catch(() => undefined);
    if (!reply) return;
    if (!reply.ok) {
      const view = typed.editor.ownerDocument.defaultView;
      showNotice(this.deps.top, viewportRect(typed.range ?? typed.editor, view), reply.message);
      return;
    }
    if (reply.missing.length > 0) {
      const request = { kind: 'fill', context, openedAt: Date.now(), id: reply.id, title: reply.title, missing: reply.missing } as const;
      this.deps.fill(request, target, typed);
      return;
    }
    if (insertOverTyped(target, typed, reply.payload).ok) {
      void this.deps.bg.request('content->bg:used', { id: reply.id, via: 'shortcut', context }).catch(() => {});
    }
  }
}
