import { editableRootOf, genericEditor, type EditorTarget } from '../editors/target';
import type { PageContext } from '../schema/page-context';
import type { SiteAdapter } from './adapter';
import { finishContext } from './context';
import { attempt, deepActiveElement, isShown } from './dom';

/*
 * Puts an adapter to work on a page: decides which editor the rep means, asks the adapter for
 * the context around it, and makes the result safe to send. This is the single entry point the
 * content script and the unit tests use; the content script of a site hands in its adapter.
 */

/** Where the rep has been on the page (kept by the focus tracker; empty for a saved page). */
export interface FocusMemory {
  lastFocused?: Element | null;
  lastEditor?: HTMLElement | null;
}

export interface ResolvedPage {
  adapter: SiteAdapter | null;
  context: PageContext;
  editor: EditorTarget | null;
}

function describe(adapter: SiteAdapter | null, el: HTMLElement | null | undefined): EditorTarget | null {
  if (!el || !el.isConnected) return null;
  return (adapter && attempt(() => adapter.describeEditor(el))) || genericEditor(el);
}

/**
 * The editor the rep means, in order: the one that has focus right now, or the one in the
 * compose/form that has focus (the rep is in Gmail's To field); the one they were last in,
 * if it is still on screen; the adapter's best guess.
 */
export function chooseEditor(
  adapter: SiteAdapter | null,
  doc: Document,
  url: URL,
  memory: FocusMemory = {},
): { editor: EditorTarget | null; focus: Element | null } {
  const active = deepActiveElement(doc);
  const near = (el: Element | null | undefined) => (el && adapter?.editorNear ? (attempt(() => adapter.editorNear!(el)) ?? null) : null);
  const focus = active ?? (memory.lastFocused?.isConnected ? memory.lastFocused : null);

  const fromActive = describe(adapter, editableRootOf(active)) ?? near(active);
  if (fromActive) return { editor: fromActive, focus };
  const last = memory.lastEditor;
  if (last && isShown(last)) {
    const fromMemory = describe(adapter, last);
    if (fromMemory) return { editor: fromMemory, focus: focus ?? last };
  }
  const fromLastFocus = near(memory.lastFocused?.isConnected ? memory.lastFocused : null);
  if (fromLastFocus) return { editor: fromLastFocus, focus };
  const guessed = adapter ? ((attempt(() => adapter.findEditors(doc, url, focus)) ?? [])[0] ?? null) : null;
  return { editor: guessed, focus };
}

export function resolvePage(siteAdapter: SiteAdapter | null, doc: Document, url: URL, memory: FocusMemory = {}): ResolvedPage {
  const adapter = siteAdapter && (siteAdapter.serves?.(url) ?? true) ? siteAdapter : null;
  const { editor, focus } = chooseEditor(adapter, doc, url, memory);
  const editorInfo = editor ? { kind: editor.kind, label: editor.label } : null;
  if (!adapter) {
    return { adapter, editor, context: finishContext({ site: null, supported: false, pageKind: 'other' }, url.href, editorInfo) };
  }
  const fields = attempt(() => adapter.readContext({ doc, url, focus, editor })) ?? { supported: false, pageKind: 'other' as const };
  return { adapter, editor, context: finishContext({ ...fields, site: adapter.site }, url.href, editorInfo) };
}

/** The page context of a document, as the panel would get it. Convenience for tests and tools. */
export function readPageContext(adapter: SiteAdapter | null, doc: Document, url: URL | string, memory?: FocusMemory): PageContext {
  return resolvePage(adapter, doc, typeof url === 'string' ? new URL(url) : url, memory).context;
}
