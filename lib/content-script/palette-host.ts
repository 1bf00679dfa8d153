import { focusEditor, focusWithCaret } from '../editors/caret';
import { insertContent } from '../editors/insert';
import { isTextField, type EditorTarget } from '../editors/target';
import { PALETTE_HOST_KEY, type PaletteHost, type PaletteRequest } from '../palette/host-contract';
import { insertOverTyped } from './shortcuts';
import type { TypedShortcut } from './shortcut-word';
import { viewportRect } from './viewport-rect';

/*
 * The content script's side of the quick palette (see lib/palette/host-contract.ts). Each
 * request remembers the editor, caret and typed shortcut it was made from, read before the
 * palette takes focus, so Enter in the palette inserts exactly there and Escape goes back there.
 */

export interface PaletteSpot {
  target: EditorTarget | null;
  /** The caret in a contenteditable when the palette opened (a text field keeps its own). */
  caret: Range | null;
  /** The shortcut being filled in, replaced by the content. */
  typed: TypedShortcut | null;
}

export interface PaletteDoor {
  /** Shows the request; true when palette.js is not loaded yet and must be injected. */
  show(request: PaletteRequest, spot: PaletteSpot): boolean;
}

export function openPaletteHost(global: object, signal: AbortSignal): PaletteDoor {
  const spots = new WeakMap<PaletteRequest, PaletteSpot>();
  const host: PaletteHost = {
    request: null,
    palette: null,
    anchor(request) {
      const spot = spots.get(request);
      const el = spot?.target?.element;
      if (!spot || !el?.isConnected) return null;
      const view = el.ownerDocument.defaultView;
      const at = spot.typed?.range ?? spot.caret;
      const near = at?.startContainer.isConnected ? viewportRect(at, view) : null;
      // A caret on an empty line has no box; the editor's does.
      return near && near.bottom > 0 ? near : viewportRect(el, view);
    },
    insert(request, payload) {
      const spot = spots.get(request);
      if (!spot?.target?.element.isConnected) return { ok: false, reason: 'no-editor' };
      if (spot.typed) return insertOverTyped(spot.target, spot.typed, payload);
      const win = spot.target.element.ownerDocument.defaultView as Window & typeof globalThis;
      return insertContent(spot.target, payload, { savedRange: spot.caret, win });
    },
    restore(request) {
      const spot = spots.get(request);
      const el = spot?.target?.element;
      if (!spot || !el?.isConnected) return;
      if (isTextField(el)) return focusEditor(el);
      let caret = spot.caret;
      if (spot.typed?.range) {
        caret = spot.typed.range.cloneRange();
        caret.collapse(false);
      }
      focusWithCaret(el, caret, 'end');
    },
  };
  const slots = global as Record<string, unknown>;
  slots[PALETTE_HOST_KEY] = host;
  signal.addEventListener('abort', () => {
    delete slots[PALETTE_HOST_KEY];
  });
  return {
    show(request, spot) {
      spots.set(request, spot);
      if (host.palette) {
        host.palette.open(request);
        return false;
      }
      host.request = request;
      return true;
    },
  };
}
