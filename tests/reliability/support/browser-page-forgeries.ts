import fc from 'fast-check';
import { SITE_REGISTRY } from '../../../lib/sites/registry';
import { messageCases } from './browser-message-cases';
import { hostileText, word } from './hostile-text';

/*
 * What a web page can do to reach Quiver without any extension API: post window messages,
 * dispatch CustomEvents (including the ones WXT's content-script context listens for, whose
 * names the content script itself announces with window.postMessage), plant DOM that looks
 * like Quiver's, and fake the rep's input (a typed shortcut and Tab, a click on the Quiver
 * button) with synthetic events. None of it may make Quiver act.
 */

export type Forgery =
  | { kind: 'post-message'; json: string }
  | { kind: 'custom-event'; name: string; detail: string; on: 'document' | 'window' | 'editor' }
  | { kind: 'fake-button' }
  | { kind: 'quiver-attributes'; attribute: string; value: string }
  | { kind: 'forged-shortcut'; shortcut: string; key: 'Tab' | ' ' }
  | { kind: 'forged-click' }
  | { kind: 'forged-focus' };

/** The names WXT knows Quiver's content scripts by: one per site, and the palette's. */
const SCRIPT_NAMES = [...SITE_REGISTRY.map((e) => e.site), 'quiver-palette', 'palette', 'content'];

/** Event names Quiver's scripts could listen for: WXT's, with `<id>` standing for the extension id. */
const EVENT_NAMES = [
  ...SITE_REGISTRY.map((e) => `<id>:${e.site}:wxt:content-script-started`),
  '<id>:palette:wxt:content-script-started',
  ...SITE_REGISTRY.map((e) => `<id>:${e.site}:wxt:locationchange`),
  'wxt:content-script-started',
  'panel->content:insert',
  'content->bg:open-panel',
  'quiver:insert',
];

export function pageForgeries(count: number, seed: number): Forgery[] {
  const runtimeMessages = [...messageCases('to-content', 60, seed), ...messageCases('content->bg', 60, seed + 1)].map((c) => c.json);
  const detail = fc.oneof(
    fc.record({ contentScriptName: fc.constantFrom(...SCRIPT_NAMES), messageId: fc.oneof(word, fc.constant('')) }).map((d) => JSON.stringify(d)),
    fc.constantFrom(...runtimeMessages),
    hostileText(200).map((t) => JSON.stringify(t)),
  );
  const forgery: fc.Arbitrary<Forgery> = fc.oneof(
    {
      weight: 4,
      arbitrary: fc
        .oneof(
          fc.constantFrom(...runtimeMessages),
          fc
            .tuple(fc.constantFrom(...SCRIPT_NAMES), detail)
            .map(([name, d]) => `{"type":"<id>:${name}:wxt:content-script-started","contentScriptName":"${name}","messageId":"x","data":${d}}`),
        )
        .map((json) => ({ kind: 'post-message' as const, json })),
    },
    {
      weight: 5,
      arbitrary: fc
        .record({ name: fc.constantFrom(...EVENT_NAMES), detail, on: fc.constantFrom('document' as const, 'window' as const, 'editor' as const) })
        .map((r) => ({ kind: 'custom-event' as const, ...r })),
    },
    { weight: 1, arbitrary: fc.constant({ kind: 'fake-button' as const }) },
    {
      weight: 1,
      arbitrary: fc
        .record({
          attribute: fc.constantFrom('data-quiver', 'data-quiver-insert', 'data-variable'),
          value: fc.constantFrom('open-panel', 'insert', '<img src=x onerror=window.__xss(1)>'),
        })
        .map((r) => ({ kind: 'quiver-attributes' as const, ...r })),
    },
    {
      weight: 2,
      arbitrary: fc
        .record({ shortcut: fc.constantFrom('roi', 'intro', 'handoff'), key: fc.constantFrom('Tab' as const, ' ' as const) })
        .map((r) => ({ kind: 'forged-shortcut' as const, ...r })),
    },
    { weight: 1, arbitrary: fc.constant({ kind: 'forged-click' as const }) },
    { weight: 1, arbitrary: fc.constant({ kind: 'forged-focus' as const }) },
  );
  return fc.sample(forgery, { numRuns: count, seed });
}

/**
 * Carries out forgeries in the page's own world (passed to page.evaluate: nothing closed over).
 * The Gmail thread fixture's inline reply is the editor; a fake button replaces Quiver's.
 */
export function forgeInPage({ forgeries, extensionId }: { forgeries: Forgery[]; extensionId: string }): void {
  const named = (s: string) => s.replace(/<id>/g, extensionId);
  const editor = document.querySelector<HTMLElement>('[g_editable="true"]')!;
  for (const f of forgeries) {
    if (f.kind === 'post-message') {
      window.postMessage(JSON.parse(named(f.json)), '*');
    } else if (f.kind === 'custom-event') {
      const target = f.on === 'document' ? document : f.on === 'window' ? window : editor;
      target.dispatchEvent(new CustomEvent(named(f.name), { detail: JSON.parse(f.detail), bubbles: true, composed: true }));
    } else if (f.kind === 'fake-button') {
      // Quiver's button goes, a look-alike takes its place: a span of the same class with its own shadow root.
      for (const host of document.querySelectorAll('.quiver-button-host')) (host.closest('.quiver-button-cell') ?? host).remove();
      const fake = document.createElement('span');
      fake.className = 'quiver-button-host';
      fake.dataset.forged = 'yes';
      fake.attachShadow({ mode: 'open' }).innerHTML = '<button aria-label="Open Quiver">Q</button>';
      document.querySelector('[data-tooltip^="Send"]')!.closest('td')!.after(fake);
    } else if (f.kind === 'quiver-attributes') {
      for (const el of [editor, document.body, document.querySelector('h2')!]) el.setAttribute(f.attribute, f.value);
    } else if (f.kind === 'forged-shortcut') {
      // What a rep typing ";roi" and pressing Tab looks like to a script — without the rep.
      editor.focus();
      const line = document.createElement('div');
      line.textContent = `forged ;${f.shortcut}`;
      editor.prepend(line);
      const caret = document.createRange();
      caret.selectNodeContents(line);
      caret.collapse(false);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(caret);
      editor.dispatchEvent(
        new KeyboardEvent('keydown', { key: f.key, code: f.key === 'Tab' ? 'Tab' : 'Space', bubbles: true, cancelable: true, composed: true }),
      );
    } else if (f.kind === 'forged-click') {
      document.querySelector('.quiver-button-host:not([data-forged])')?.shadowRoot?.querySelector('button')?.click();
    } else if (f.kind === 'forged-focus') {
      // A page script's focusin on an editor of its own, as if the rep had moved there: an
      // Insert that followed it would put the rep's content where the page reads it.
      let decoy = document.querySelector<HTMLElement>('#forged-decoy');
      if (!decoy) {
        decoy = document.createElement('div');
        decoy.id = 'forged-decoy';
        decoy.contentEditable = 'true';
        decoy.setAttribute('role', 'textbox');
        decoy.setAttribute('aria-label', 'Message Body');
        decoy.style.cssText = 'min-height: 40px; min-width: 200px; border: 1px solid';
        document.body.append(decoy);
      }
      decoy.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
    }
  }
}
