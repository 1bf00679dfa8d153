import { t } from '../i18n';
import type { PaletteItem, RenderReply } from '../schema/messages';
import type { PaletteClient } from './client';
import { fillForm } from './fill-form';
import type { PaletteHost, PaletteRequest, ViewportRect } from './host-contract';
import { optionId, resultOption } from './result-option';
import { SearchFeed } from './search-feed';

/*
 * The quick palette: a search box over the editor the rep is in, results from the background,
 * arrows to move, Enter to insert, Escape to go back to the editor. Built once per page into
 * a shadow root (see mount.ts) and shown again for later opens. The search box is an ARIA
 * combobox whose highlighted option is announced through aria-activedescendant, so focus
 * stays in the box while the arrows move.
 */

export interface PaletteDeps {
  host: PaletteHost;
  client: PaletteClient;
  win: Window;
  /** Milliseconds, for the time from opening to content inserted. */
  now?: () => number;
}

const HEIGHT = 380;
const WIDTH = 440;

function make<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, attrs: Record<string, string> = {}): HTMLElementTagNameMap[K] {
  const el = doc.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  return el;
}

export class Palette {
  readonly dialog: HTMLDivElement;
  private readonly search: HTMLDivElement;
  private readonly input: HTMLInputElement;
  private readonly list: HTMLUListElement;
  private readonly status: HTMLParagraphElement;
  /** Share link for the highlighted result, shown when it may be shared (also Alt+Enter). */
  private readonly shareButton: HTMLButtonElement;
  private readonly feed: SearchFeed;
  private request: PaletteRequest | null = null;
  private items: PaletteItem[] = [];
  private active = -1;
  private form: HTMLFormElement | null = null;
  private busy = false;
  private readonly onOutside = (e: Event) => {
    if (!e.composedPath().includes(this.dialog)) this.close(false);
  };

  constructor(
    container: HTMLElement,
    private readonly deps: PaletteDeps,
  ) {
    const doc = container.ownerDocument;
    this.dialog = make(doc, 'div', { class: 'palette', role: 'dialog', 'aria-label': t('paletteDialog') });
    this.dialog.hidden = true;
    this.search = make(doc, 'div', { class: 'search' });
    this.input = make(doc, 'input', {
      type: 'text',
      role: 'combobox',
      'aria-label': t('searchLabel'),
      'aria-autocomplete': 'list',
      'aria-expanded': 'true',
      'aria-controls': 'quiver-results',
      placeholder: t('searchPlaceholder'),
      autocomplete: 'off',
      spellcheck: 'false',
    });
    this.search.append(this.input);
    this.list = make(doc, 'ul', { id: 'quiver-results', role: 'listbox', 'aria-label': t('paletteResults') });
    this.status = make(doc, 'p', { class: 'status', role: 'status' });
    const hint = make(doc, 'p', { class: 'hint' });
    hint.textContent = t('paletteHint');
    this.shareButton = make(doc, 'button', { type: 'button', class: 'share' });
    this.shareButton.textContent = t('shareLink');
    this.shareButton.hidden = true;
    this.shareButton.addEventListener('mousedown', (e) => e.preventDefault());
    this.shareButton.addEventListener('click', () => void this.share());
    this.dialog.append(this.search, this.list, this.shareButton, this.status, hint);
    container.append(this.dialog);

    this.feed = new SearchFeed({
      search: (query) => deps.client.search(query),
      show: (items, query) => this.show(items, query),
      timers: deps.win,
    });
    this.input.addEventListener('input', () => this.feed.typed(this.input.value));
    this.dialog.addEventListener('keydown', (e) => this.onKeyDown(e));
    // Keep focus in the box when an option is clicked.
    this.list.addEventListener('mousedown', (e) => e.preventDefault());
    this.list.addEventListener('click', (e) => {
      const option = (e.target as Element).closest?.('[role="option"]');
      const index = option ? [...this.list.children].indexOf(option) : -1;
      if (index >= 0) {
        this.highlight(index);
        void this.choose();
      }
    });
  }

  get isOpen(): boolean {
    return !this.dialog.hidden;
  }

  open(request: PaletteRequest): void {
    this.request = request;
    this.setStatus('');
    this.place(this.deps.host.anchor(request));
    this.dialog.hidden = false;
    this.deps.win.document.addEventListener('pointerdown', this.onOutside, true);
    if (request.kind === 'fill') {
      this.showFill(request.id, request.title, request.missing);
      return;
    }
    this.showSearch();
    this.input.select();
    void this.feed.now(this.input.value);
  }

  /** Hides the palette; with `restore`, the editor gets focus and its caret back. */
  close(restore: boolean): void {
    const request = this.request;
    this.feed.cancel();
    this.dialog.hidden = true;
    this.deps.win.document.removeEventListener('pointerdown', this.onOutside, true);
    this.form?.remove();
    this.form = null;
    this.request = null;
    if (restore && request) this.deps.host.restore(request);
  }

  private place(anchor: ViewportRect | null): void {
    const { innerWidth: vw, innerHeight: vh } = this.deps.win;
    const width = Math.min(WIDTH, vw - 16);
    const style = this.dialog.style;
    style.left = `${Math.round(anchor ? Math.max(8, Math.min(anchor.left, vw - width - 8)) : (vw - width) / 2)}px`;
    style.top = style.bottom = '';
    if (!anchor) {
      style.top = `${Math.round(vh * 0.15)}px`;
    } else if (vh - anchor.bottom - 6 >= HEIGHT || anchor.top - 6 < HEIGHT) {
      // Below the caret, where the eye is; above it only when it fits there and not below.
      style.top = `${Math.round(Math.max(8, Math.min(anchor.bottom + 6, vh - Math.min(HEIGHT, vh - 16) - 8)))}px`;
    } else {
      style.bottom = `${Math.round(vh - anchor.top + 6)}px`;
    }
  }

  private showSearch(): void {
    this.form?.remove();
    this.form = null;
    this.search.hidden = false;
    this.list.hidden = false;
    this.input.focus();
  }

  private showFill(id: string, title: string, missing: { name: string; label: string }[]): void {
    this.search.hidden = true;
    this.list.hidden = true;
    this.form?.remove();
    this.form = fillForm(this.dialog.ownerDocument, title, missing, {
      submit: (values) => void this.render(id, values),
      cancel: () => this.back(),
    });
    this.dialog.insertBefore(this.form, this.status);
    this.form.querySelector('input')?.focus();
  }

  /** Leaves the fill form: back to the results, or to the editor when a shortcut opened it. */
  private back(): void {
    if (this.request?.kind === 'search') {
      this.setStatus('');
      this.showSearch();
    } else {
      this.close(true);
    }
  }

  private show(items: PaletteItem[] | null, query: string): void {
    if (!this.isOpen) return;
    this.items = items ?? [];
    const doc = this.dialog.ownerDocument;
    this.list.replaceChildren(...this.items.map((item, i) => resultOption(doc, item, i)));
    this.highlight(this.items.length > 0 ? 0 : -1);
    if (items === null) this.setStatus(t('paletteUnavailable'));
    else if (this.items.length === 0) this.setStatus(query.trim() ? t('noResults', query.trim()) : t('libraryEmpty'));
    else this.setStatus('');
  }

  private highlight(index: number): void {
    this.list.children[this.active]?.setAttribute('aria-selected', 'false');
    this.active = index;
    const option = this.list.children[index];
    if (!option) {
      this.shareButton.hidden = true;
      this.input.removeAttribute('aria-activedescendant');
      return;
    }
    option.setAttribute('aria-selected', 'true');
    this.input.setAttribute('aria-activedescendant', optionId(index));
    const item = this.items[index];
    this.shareButton.hidden = !(item?.shareable && !item.expired);
    (option as HTMLElement).scrollIntoView?.({ block: 'nearest' });
  }

  private onKeyDown(e: KeyboardEvent): void {
    if (e.key === 'Escape') {
      e.preventDefault();
      if (this.form) this.back();
      else this.close(true);
      return;
    }
    if (e.key === 'Tab') return this.trapFocus(e);
    if (this.form || e.target !== this.input || e.isComposing) return;
    const count = this.items.length;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (count > 0) this.highlight((this.active + (e.key === 'ArrowDown' ? 1 : count - 1)) % count);
    } else if (e.key === 'Enter' && e.altKey) {
      e.preventDefault();
      void this.share();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      void this.choose();
    }
  }

  /** Keyboard focus stays in the dialog while it is open. */
  private trapFocus(e: KeyboardEvent): void {
    const focusable = [...this.dialog.querySelectorAll<HTMLElement>('input, button')].filter((el) => !el.closest('[hidden]'));
    if (focusable.length === 0) return;
    const root = this.dialog.getRootNode() as Document | ShadowRoot;
    const at = focusable.indexOf(root.activeElement as HTMLElement);
    const next = (at + (e.shiftKey ? focusable.length - 1 : 1) + focusable.length) % focusable.length;
    e.preventDefault();
    focusable[at < 0 ? 0 : next]!.focus();
  }

  /** Enter on the highlighted result. An expired one is refused by the background, with why. */
  private async choose(): Promise<void> {
    const item = this.items[this.active];
    if (item) await this.render(item.id, undefined, item);
  }

  /** Renders an item for the page (with the values the rep typed) and inserts it. */
  private async render(id: string, values?: Record<string, string>, listed?: PaletteItem): Promise<void> {
    const request = this.request;
    if (!request || this.busy) return;
    this.busy = true;
    let reply: RenderReply;
    try {
      reply = await this.deps.client.render(id, request.context, values);
    } catch {
      this.setStatus(t('paletteUnavailable'));
      return;
    } finally {
      this.busy = false;
    }
    if (request !== this.request) return;
    if (!reply.ok) return this.setStatus(reply.message);
    // Never insert what the list showed as expired, whichever clock the render went by.
    if (listed?.expired) return this.setStatus(t('paletteExpiredReason', listed.owner));
    if (reply.missing.length > 0) return this.showFill(reply.id, reply.title, reply.missing);
    this.insert(request, reply);
  }

  /** Share link on the highlighted result: a new link from the server, inserted titled with the item. */
  private async share(): Promise<void> {
    const request = this.request;
    const item = this.items[this.active];
    if (!request || !item?.shareable || item.expired || this.busy) return;
    this.busy = true;
    let reply: RenderReply;
    try {
      reply = await this.deps.client.share(item.id, request.context);
    } catch {
      this.setStatus(t('paletteUnavailable'));
      return;
    } finally {
      this.busy = false;
    }
    if (request !== this.request) return;
    if (!reply.ok) return this.setStatus(reply.message);
    const result = this.deps.host.insert(request, reply.payload);
    if (!result.ok) {
      this.setStatus(result.reason === 'no-editor' ? t('paletteNoEditor') : t('paletteInsertFailed', reply.title));
      return;
    }
    // A share is not an insert of the item's content: the server counts it as a link.
    this.close(false);
  }

  private insert(request: PaletteRequest, reply: RenderReply & { ok: true }): void {
    const result = this.deps.host.insert(request, reply.payload);
    if (!result.ok) {
      this.setStatus(result.reason === 'no-editor' ? t('paletteNoEditor') : t('paletteInsertFailed', reply.title));
      return;
    }
    const now = this.deps.now ?? Date.now;
    this.deps.client.used(reply.id, request.kind === 'fill' ? 'shortcut' : 'palette', request.context, now() - request.openedAt);
    // The insert put focus and the caret back in the editor, after the new content.
    this.close(false);
  }

  private setStatus(message: string): void {
    this.status.textContent = message;
  }
}
