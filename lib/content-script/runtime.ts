import { browser } from 'wxt/browser';
import { FocusTracker } from '../editors/focus-tracker';
import { insertContent } from '../editors/insert';
import type { InsertPayload, InsertResult } from '../schema/messages';
import type { PageContext } from '../schema/page-context';
import type { ButtonSlot, SiteAdapter } from '../sites/adapter';
import { resolvePage, type ResolvedPage } from '../sites/page';
import { listen } from '../messaging/receive';
import { messenger, runtimeTransport } from '../messaging/send';
import { onNavigation } from './navigation';
import { openPaletteHost } from './palette-host';
import { QuiverButtons } from './quiver-button';
import { createIdleScheduler } from './scheduler';
import { ShortcutExpander } from './shortcuts';
import { PageWatcher } from './watcher';

/*
 * What the content script does on a supported host, wired together: remember where the rep is,
 * keep the page context current and tell the extension when it changes, answer the panel's
 * get-context and insert, place the Quiver button, expand typed shortcuts, and host the quick
 * palette (loaded on demand; see lib/palette/host-contract.ts).
 *
 * Only the top frame runs this. The manifest injects the script into every frame (so it is
 * present in about:blank editor frames on Salesforce), but child frames return at once: the
 * top frame reaches same-origin frames itself, and the panel talks to frame 0.
 */
export interface ContentScriptOptions {
  /**
   * Whether an event is the rep's own input rather than one a page script dispatched (a click
   * on the Quiver button, the key that expands a shortcut, focus moving to an editor). The entrypoint passes the
   * browser's `isTrusted`; jsdom tests, where every event is synthetic, keep the default.
   */
  isUserInput?(event: Event): boolean;
}

export function startContentScript(
  win: Window & typeof globalThis,
  signal: AbortSignal,
  adapter: SiteAdapter,
  { isUserInput = () => true }: ContentScriptOptions = {},
): void {
  if (win.top !== win) return;
  const doc = win.document;

  const page = (): ResolvedPage => resolvePage(adapter, doc, new URL(win.location.href), { lastFocused: tracker.lastFocused, lastEditor: tracker.lastEditor });

  let lastSent = '';
  const buttons = new QuiverButtons({ label: buttonLabel(), onClick: openPanel, isUserInput });
  const watcher = new PageWatcher(win, signal, () => scheduler.schedule());
  const scheduler = createIdleScheduler(win, signal, refresh);
  const tracker = new FocusTracker(
    doc,
    signal,
    () => {
      scheduler.schedule();
      shortcuts.follow();
    },
    isUserInput,
  );
  const palette = openPaletteHost(win, signal);
  const bg = messenger('content', 'bg', runtimeTransport);
  const panel = messenger('content', 'panel', runtimeTransport);
  const shortcuts = new ShortcutExpander({
    top: doc,
    signal,
    page,
    bg,
    isUserInput,
    fill(request, target, typed) {
      if (palette.show(request, { target, caret: null, typed })) void bg.notify('content->bg:load-palette');
    },
  });

  function refresh(): ResolvedPage {
    const resolved = page();
    announce(resolved.context);
    const slots = resolved.adapter?.buttonSlots?.(doc, new URL(win.location.href)) ?? [];
    buttons.ensure(slots);
    watcher.watch(resolved.adapter?.watchTargets?.(doc, new URL(win.location.href)) ?? []);
    return resolved;
  }

  function announce(context: PageContext): void {
    const json = JSON.stringify(context);
    if (json === lastSent) return;
    lastSent = json;
    // Only an open side panel listens; nobody listening is not an error.
    void panel.notify('content->panel:context-changed', { context });
    void bg.notify('content->bg:page-seen', { context });
  }

  function openPanel(slot: ButtonSlot): void {
    // Sent synchronously in the click, so the background may open the side panel (a user gesture).
    void bg.notify('content->bg:open-panel');
    // The button belongs to one compose: if the rep was elsewhere, that compose becomes current.
    if (!(tracker.lastEditor && slot.scope.contains(tracker.lastEditor))) {
      const near = adapter.editorNear?.(slot.scope);
      if (near) {
        tracker.remember(near.element);
        near.element.focus({ preventScroll: true });
      }
    }
    scheduler.schedule();
  }

  /** Shows the palette over the editor the rep is in; 'load' asks the background for palette.js. */
  function openPalette(): 'opened' | 'load' {
    tracker.sync();
    const { editor, context } = page();
    const caret = editor ? (tracker.savedRange(editor.element)?.cloneRange() ?? null) : null;
    return palette.show({ kind: 'search', context, openedAt: Date.now() }, { target: editor, caret, typed: null }) ? 'load' : 'opened';
  }

  function insert(payload: InsertPayload): InsertResult {
    tracker.sync();
    const { editor } = page();
    const result = insertContent(editor, payload, {
      savedRange: editor ? tracker.savedRange(editor.element) : null,
      win,
    });
    scheduler.schedule();
    return result;
  }

  // Only this extension's pages and worker talk to the content script; web pages cannot.
  const stopListening = listen(
    'content',
    {
      'panel->content:get-context': () => {
        tracker.sync();
        return refresh().context;
      },
      'panel->content:insert': ({ payload }) => insert(payload),
      'bg->content:open-palette': () => openPalette(),
      'bg->content:shortcuts-changed': () => shortcuts.invalidate(),
    },
    (_from, sender) => sender.id === undefined || sender.id === browser.runtime.id,
  );
  signal.addEventListener('abort', () => {
    stopListening();
    // A button whose extension is gone would do nothing when clicked.
    buttons.removeAll();
  });

  tracker.start();
  shortcuts.start();
  onNavigation(win, signal, () => {
    watcher.settleAfterNavigation();
    scheduler.schedule();
  });
  // Recipient and subject fields change the context as the rep types in them; the body does not.
  const onFieldEdit = (e: Event) => {
    const target = e.target as Element | null;
    if (target && (target.localName === 'input' || target.localName === 'textarea')) scheduler.schedule();
  };
  doc.addEventListener('input', onFieldEdit, { capture: true, passive: true, signal });
  doc.addEventListener('focusout', () => scheduler.schedule(), { capture: true, passive: true, signal });
  refresh();
}

function buttonLabel(): string {
  try {
    return browser.i18n.getMessage('actionTitle') || 'Open Quiver';
  } catch {
    return 'Open Quiver';
  }
}
