/*
 * The events a host page listens to after its editor changes. Sites listen through delegation
 * on a container (Gmail on the compose root), so every event bubbles, and composed lets it
 * leave a shadow root as a real one would.
 */

type InputType = 'insertFromPaste' | 'insertText' | 'insertReplacementText';

export function dispatchInput(el: HTMLElement, inputType: InputType, data: string | null = null): void {
  const view = el.ownerDocument.defaultView;
  const Ctor = view?.InputEvent ?? InputEvent;
  el.dispatchEvent(new Ctor('input', { bubbles: true, composed: true, inputType, data }));
}

export function dispatchChange(el: HTMLElement): void {
  const view = el.ownerDocument.defaultView;
  const Ctor = view?.Event ?? Event;
  el.dispatchEvent(new Ctor('change', { bubbles: true }));
}

/**
 * Runs an edit and reports whether the browser already told the page about it, so the engine
 * adds its own `input` event only when none was fired (execCommand fires one natively, and a
 * second would make drafts save twice and counters jump).
 */
export function watchInput(el: HTMLElement, edit: () => boolean): { changed: boolean; inputSeen: boolean } {
  let inputSeen = false;
  const spy = () => {
    inputSeen = true;
  };
  el.addEventListener('input', spy, true);
  let changed = false;
  try {
    changed = edit();
  } catch {
    changed = false;
  } finally {
    el.removeEventListener('input', spy, true);
  }
  return { changed, inputSeen };
}
