import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { backgroundClient } from './client';
import { paletteHostOf, type PaletteRequest } from './host-contract';
import { Palette } from './palette';
import { PALETTE_CSS } from './styles';

/*
 * What palette.js does when the background injects it: find the content script's host object
 * (no host means no Quiver content script in this page, and nothing happens), put the palette
 * into the page in a shadow root, and show the request that asked for it. Keys typed in the
 * palette do not bubble out of its shadow root, so the host page's own keyboard shortcuts
 * never see them.
 */
export async function startPalette(global: typeof globalThis = globalThis): Promise<void> {
  const host = paletteHostOf(global);
  if (!host) return;
  if (host.palette) {
    // Injected again (two quick presses): the palette already there takes the request.
    const request = host.request;
    host.request = null;
    if (request) host.palette.open(request);
    return;
  }
  // Claimed before the first await, so a second injection meanwhile finds it taken; requests
  // arriving while the UI is built wait for it.
  let palette: Palette | null = null;
  let waiting = host.request;
  host.request = null;
  host.palette = {
    open(request: PaletteRequest) {
      if (palette) palette.open(request);
      else waiting = request;
    },
  };
  const ctx = new ContentScriptContext('quiver-palette');
  const ui = await createShadowRootUi(ctx, {
    name: 'quiver-palette',
    position: 'inline',
    isolateEvents: true,
    css: PALETTE_CSS,
    onMount: (container) => new Palette(container, { host, client: backgroundClient(), win: global.window }),
  });
  ui.mount();
  palette = ui.mounted!;
  ctx.onInvalidated(() => {
    host.palette = null;
  });
  if (waiting) palette.open(waiting);
}
