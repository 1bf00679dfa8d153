import type { ButtonSlot } from '../sites/adapter';

/*
 * The small in-page Quiver button beside a compose's Send button or a LinkedIn message box.
 * It lives in its own shadow root, so the host's CSS cannot restyle it and its CSS cannot leak
 * into the host; the outer element only carries namespaced `quiver-` class names. Injection is
 * idempotent: called after every context read, it adds the button where a compose re-rendered
 * without it and does nothing where it is already in place.
 */

const HOST_CLASS = 'quiver-button-host';

const STYLE = `
  :host { all: initial; display: inline-flex; vertical-align: middle; margin: 0 6px; }
  button {
    display: inline-flex; align-items: center; justify-content: center;
    width: 28px; height: 28px; padding: 0; border: 1px solid #c7cdd6; border-radius: 50%;
    background: #fff; color: #3b4b63; cursor: pointer;
  }
  button:hover { background: #eef2f7; }
  button:focus-visible { outline: 2px solid #2f6fde; outline-offset: 1px; }
  svg { width: 16px; height: 16px; }
`;

// A quiver of arrows, drawn with strokes so it follows the button's colour.
const ICON = `<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false"><path d="M7 21l10-10"/><path d="M14 4l6 0 0 6"/><path d="M20 4L11 13"/><path d="M5 15l4 4"/></svg>`;

export interface ButtonOptions {
  label: string;
  onClick(slot: ButtonSlot): void;
  /** A click the page's script made is not the rep's: it opens nothing. */
  isUserInput?(event: Event): boolean;
}

export class QuiverButtons {
  private readonly placed = new WeakMap<Element, HTMLElement>();
  private readonly inserted = new Set<Element>();

  constructor(private readonly options: ButtonOptions) {}

  /** Takes every button out of the page (the extension was updated or disabled). */
  removeAll(): void {
    for (const el of this.inserted) el.remove();
    this.inserted.clear();
  }

  ensure(slots: ButtonSlot[]): void {
    for (const slot of slots) {
      const existing = this.placed.get(slot.scope);
      if (existing?.isConnected && slot.scope.contains(existing)) continue;
      // The compose re-rendered around our button (it moved, or the page cloned its markup; a
      // clone has no shadow root and so no button): keep one working button. Only one this
      // script made: a look-alike the page planted is replaced, never taken for ours.
      const stray = slot.scope.querySelector<HTMLElement>(`.${HOST_CLASS}`);
      if (stray?.shadowRoot?.querySelector('button') && this.inserted.has(stray.closest('.quiver-button-cell') ?? stray)) {
        this.placed.set(slot.scope, stray);
        continue;
      }
      (stray?.closest('.quiver-button-cell') ?? stray)?.remove();
      this.placed.set(slot.scope, this.insert(slot));
    }
  }

  private insert(slot: ButtonSlot): HTMLElement {
    const doc = slot.anchor.ownerDocument;
    const host = doc.createElement('span');
    host.className = HOST_CLASS;
    host.setAttribute('data-quiver', 'open-panel');
    const root = host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = STYLE;
    const button = doc.createElement('button');
    button.type = 'button';
    button.setAttribute('aria-label', this.options.label);
    button.title = this.options.label;
    button.innerHTML = ICON;
    // Keep the caret in the editor: a toolbar button must not take focus on mouse down.
    button.addEventListener('mousedown', (e) => e.preventDefault());
    button.addEventListener('click', (e) => {
      e.preventDefault();
      e.stopPropagation();
      if (this.options.isUserInput && !this.options.isUserInput(e)) return;
      this.options.onClick(slot);
    });
    root.append(style, button);

    // In a table row (Gmail's toolbar) the button needs a cell of its own.
    const inRow = (slot.where === 'after' || slot.where === 'before') && slot.anchor.parentElement?.localName === 'tr';
    const outer = inRow ? doc.createElement('td') : host;
    if (inRow) {
      outer.className = 'quiver-button-cell';
      outer.append(host);
    }
    slot.anchor[slot.where](outer);
    this.inserted.add(outer);
    return host;
  }
}
