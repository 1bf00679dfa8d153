import { afterEach, describe, expect, test, vi } from 'vitest';
import { ShortcutExpander } from '../../../lib/content-script/shortcuts';
import { messenger, type Transport } from '../../../lib/messaging/send';
import type { EditorTarget } from '../../../lib/editors/target';
import type { RenderReply, ShortcutConfig } from '../../../lib/schema/messages';
import type { PageContext } from '../../../lib/schema/page-context';

/*
 * The expand key, as the rep presses it: taken from the page only for a known shortcut,
 * configured prefix and key, and what the rep sees after the background answers.
 */

const context: PageContext = {
  site: 'gmail',
  supported: true,
  pageKind: 'compose',
  url: 'https://mail.google.com/mail/u/0/',
  editor: { kind: 'rich', label: 'Message Body' },
};

const intro: RenderReply = {
  ok: true,
  id: 'cold-intro-empty-miles',
  title: 'Cold intro',
  payload: { html: '<p>Hi Priya,</p><p>Most teams…</p>', text: 'Hi Priya,\n\nMost teams…' },
  missing: [],
  stale: false,
};

interface Setup {
  html: string;
  config?: ShortcutConfig | Promise<never>;
  replies?: Record<string, RenderReply>;
  /** The editor the page would insert into; by default the element with id "ed". */
  editor?: (el: HTMLElement) => EditorTarget | null;
}

// jsdom has no layout: ranges get the empty box elements have, so notices can be placed.
Range.prototype.getBoundingClientRect ??= () => new DOMRect(0, 0, 0, 0);

let controller: AbortController;
afterEach(() => {
  controller?.abort();
  vi.useRealTimers();
});

async function setup({ html, config = { prefix: ';', key: 'Tab', shortcuts: ['intro', 'q3promo', 'demo'] }, replies = {}, editor }: Setup) {
  document.body.innerHTML = html;
  controller = new AbortController();
  const el = document.getElementById('ed') as HTMLElement;
  const target: EditorTarget | null = editor ? editor(el) : { element: el, kind: el.localName === 'textarea' ? 'plain' : 'rich', label: 'Message Body' };
  const lists = [config];
  const send = vi.fn(async (m: { type: string; shortcut?: string }): Promise<unknown> => {
    if (m.type === 'content->bg:get-shortcuts') return lists.shift() ?? config;
    if (m.type === 'content->bg:render') {
      return replies[m.shortcut!] ?? { ok: false, reason: 'not-found', message: 'This item is no longer in the library.' };
    }
    return null;
  });
  const fill = vi.fn();
  const expander = new ShortcutExpander({
    top: document,
    signal: controller.signal,
    page: () => ({ adapter: null, context, editor: target }),
    bg: messenger('content', 'bg', send as Transport),
    fill,
  });
  expander.start();
  await new Promise((r) => setTimeout(r, 0));
  return { el, send, fill, expander, lists, rendered: () => send.mock.calls.filter(([m]) => m.type === 'content->bg:render').map(([m]) => m.shortcut) };
}

/** Types text at the end of a contenteditable's last text node and leaves the caret there. */
function typeInto(el: HTMLElement, text: string): void {
  const block = el.querySelector('p, div') ?? el;
  block.append(text);
  const range = document.createRange();
  range.selectNodeContents(block);
  range.collapse(false);
  document.getSelection()!.removeAllRanges();
  document.getSelection()!.addRange(range);
}

/** Presses a key in the element; true when the page's default action was prevented. */
function press(el: Element, key: string, init: KeyboardEventInit = {}): boolean {
  return !el.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, composed: true, ...init }));
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('the expand key', () => {
  test('Tab passes through when the word before the caret is not a known shortcut', async () => {
    const { el, rendered } = await setup({ html: '<div id="ed" contenteditable="true"><p>Hello </p></div>' });
    typeInto(el, ';nosuch');
    expect(press(el, 'Tab')).toBe(false);
    typeInto(el, ' intro');
    expect(press(el, 'Tab')).toBe(false);
    expect(rendered()).toEqual([]);
    expect(el.textContent).toBe('Hello ;nosuch intro');
  });

  test('a known shortcut + Tab: the key is taken and the typed text becomes the content', async () => {
    const { el, send, rendered } = await setup({ html: '<div id="ed" contenteditable="true"><p>Dear team, </p></div>', replies: { intro } });
    typeInto(el, ';Intro');
    expect(press(el, 'Tab')).toBe(true);
    await settle();
    expect(rendered()).toEqual(['intro']);
    expect(el.textContent).toContain('Hi Priya,');
    expect(el.textContent).not.toContain(';Intro');
    expect(el.textContent).toMatch(/^Dear team, /);
    expect(send).toHaveBeenCalledWith({ type: 'content->bg:used', id: 'cold-intro-empty-miles', via: 'shortcut', context });
  });

  test('Shift+Tab and Tab with modifiers are never taken', async () => {
    const { el } = await setup({ html: '<div id="ed" contenteditable="true"><p></p></div>', replies: { intro } });
    typeInto(el, ';intro');
    expect(press(el, 'Tab', { shiftKey: true })).toBe(false);
    expect(press(el, 'Tab', { ctrlKey: true })).toBe(false);
    expect(el.textContent).toBe(';intro');
  });

  test('the key and the prefix come from the settings: Space with `//`', async () => {
    const { el, rendered } = await setup({
      html: '<div id="ed" contenteditable="true"><p></p></div>',
      config: { prefix: '//', key: 'Space', shortcuts: ['intro'] },
      replies: { intro },
    });
    typeInto(el, ';intro');
    expect(press(el, ' ')).toBe(false);
    typeInto(el, ' //intro');
    expect(press(el, 'Tab')).toBe(false);
    expect(press(el, ' ')).toBe(true);
    await settle();
    expect(rendered()).toEqual(['intro']);
    expect(el.textContent).toMatch(/^;intro Hi Priya,/);
  });

  test('until the list has arrived, Tab passes through', async () => {
    const { el, rendered } = await setup({ html: '<div id="ed" contenteditable="true"><p></p></div>', config: new Promise<never>(() => {}) });
    typeInto(el, ';intro');
    expect(press(el, 'Tab')).toBe(false);
    expect(rendered()).toEqual([]);
  });

  test('after shortcuts-changed, the new list decides', async () => {
    const { el, expander, lists } = await setup({ html: '<div id="ed" contenteditable="true"><p></p></div>', replies: { intro } });
    lists.push({ prefix: ';', key: 'Tab', shortcuts: ['demo'] });
    expander.invalidate();
    await settle();
    typeInto(el, ';intro');
    expect(press(el, 'Tab')).toBe(false);
  });

  test('an editor the content script would not insert into keeps its Tab', async () => {
    const { el, rendered } = await setup({ html: '<div id="ed" contenteditable="true"><p></p></div>', replies: { intro }, editor: () => null });
    typeInto(el, ';intro');
    expect(press(el, 'Tab')).toBe(false);
    expect(rendered()).toEqual([]);
  });
});

describe('what the rep sees after the background answers', () => {
  test('in a textarea, the text replaces the typed shortcut at its place', async () => {
    const { el } = await setup({ html: '<textarea id="ed"></textarea>', replies: { intro } });
    const t = el as HTMLTextAreaElement;
    t.value = 'Note: ;intro (sent)';
    t.setSelectionRange(12, 12);
    expect(press(t, 'Tab')).toBe(true);
    await settle();
    expect(t.value).toBe('Note: Hi Priya,\n\nMost teams… (sent)');
  });

  test('an expired item: the typed text stays and an alert says why, then goes away', async () => {
    const expired: RenderReply = { ok: false, reason: 'expired', message: 'Expired on 2026-09-30: ask aisha.okafor@routewise.example.' };
    const { el, send } = await setup({ html: '<div id="ed" contenteditable="true"><p></p></div>', replies: { q3promo: expired } });
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    typeInto(el, ';q3promo');
    expect(press(el, 'Tab')).toBe(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(el.textContent).toBe(';q3promo');
    const alert = document.querySelector('quiver-notice')?.shadowRoot?.querySelector('[role="alert"]');
    expect(alert?.textContent).toBe('Expired on 2026-09-30: ask aisha.okafor@routewise.example.');
    expect(send.mock.calls.some(([m]) => m.type === 'content->bg:used')).toBe(false);
    await vi.advanceTimersByTimeAsync(8000);
    expect(document.querySelector('quiver-notice')).toBeNull();
  });

  test('values the page lacks: the fill form is asked for, nothing is inserted yet', async () => {
    const demo: RenderReply = { ...intro, id: 'demo-follow-up', title: 'Demo follow-up', missing: [{ name: 'my.full_name', label: 'Your name' }] };
    const { el, fill } = await setup({ html: '<div id="ed" contenteditable="true"><p></p></div>', replies: { demo } });
    typeInto(el, ';demo');
    expect(press(el, 'Tab')).toBe(true);
    await settle();
    expect(el.textContent).toBe(';demo');
    expect(fill).toHaveBeenCalledTimes(1);
    const [request, target, typed] = fill.mock.calls[0]!;
    expect(request).toMatchObject({
      kind: 'fill',
      id: 'demo-follow-up',
      title: 'Demo follow-up',
      missing: [{ name: 'my.full_name', label: 'Your name' }],
      context,
    });
    expect(target.element).toBe(el);
    expect(typed.range.toString()).toBe(';demo');
  });

  test('if the rep typed on before the answer came, nothing is replaced', async () => {
    const { el, send } = await setup({ html: '<div id="ed" contenteditable="true"><p></p></div>', replies: { intro } });
    typeInto(el, ';intro');
    expect(press(el, 'Tab')).toBe(true);
    // Same tick as the key: the typed word changes before the background answers.
    el.querySelector('p')!.textContent = ';intrx';
    await settle();
    expect(el.textContent).toBe(';intrx');
    expect(send.mock.calls.some(([m]) => m.type === 'content->bg:used')).toBe(false);
  });
});
