import type { InsertPayload, InsertResult } from '../schema/messages';
import type { PageContext } from '../schema/page-context';

/*
 * Where the on-demand palette script (palette.js) and the content script meet. The background
 * injects palette.js with scripting.executeScript into the tab's top frame, in the extension's
 * isolated world — the world the content script already runs in — so the content script
 * leaves a small host object on its own global and the palette finds it there. The page's
 * scripts run in another world and never see it. When palette.js is not loaded yet, the content
 * script asks for it with `content->bg:load-palette`. The content script keeps the editor, the
 * caret and the page; the palette keeps the UI and talks to the background for the library.
 */

/** The property of the isolated world's global that holds the host. */
export const PALETTE_HOST_KEY = '__quiverPaletteHost';

export interface MissingValue {
  name: string;
  label: string;
}

/** What the palette is asked to show; the context was read before the palette took focus. */
export type PaletteRequest =
  | { kind: 'search'; context: PageContext; openedAt: number }
  | {
      /** A typed shortcut whose item needs values the page does not have. */
      kind: 'fill';
      context: PageContext;
      openedAt: number;
      id: string;
      title: string;
      missing: MissingValue[];
    };

/** A rectangle in the top frame's viewport. */
export interface ViewportRect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface PaletteApi {
  open(request: PaletteRequest): void;
}

export interface PaletteHost {
  /** The request the palette shows when palette.js has just loaded. */
  request: PaletteRequest | null;
  /** Set by palette.js once loaded, so later requests need no injection. */
  palette: PaletteApi | null;
  /** Where the rep was typing when the request was made, to place the palette over it. */
  anchor(request: PaletteRequest): ViewportRect | null;
  /** Inserts into the editor the request was made from (over the typed shortcut for a fill). */
  insert(request: PaletteRequest, payload: InsertPayload): InsertResult;
  /** Gives focus back to that editor with its caret (the palette was dismissed). */
  restore(request: PaletteRequest): void;
}

export function paletteHostOf(global: object): PaletteHost | undefined {
  return (global as Record<string, PaletteHost | undefined>)[PALETTE_HOST_KEY];
}
