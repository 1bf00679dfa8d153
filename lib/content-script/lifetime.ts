/*
 * How long the content script runs: until the extension is gone (updated, reloaded, disabled)
 * or a newer copy of it starts in the same frame.
 *
 * WXT's context alone is not enough: it also stops when the document receives its "a newer
 * script started" CustomEvent, which any script of the page can dispatch — under a name the
 * content script itself announces with window.postMessage. One line of page script would
 * switch Quiver off. So a newer copy hands over through the isolated world's global, which
 * pages cannot reach, and WXT's signal only counts when the extension really is gone.
 */

const KEY = '__quiverContentScriptLifetime';

export function contentScriptLifetime(wxtSignal: AbortSignal, world: object, extensionAlive: () => boolean): AbortSignal {
  const slots = world as Record<string, AbortController | undefined>;
  slots[KEY]?.abort();
  const own = new AbortController();
  slots[KEY] = own;
  wxtSignal.addEventListener('abort', () => {
    if (!extensionAlive()) own.abort();
  });
  return own.signal;
}
