import { JSDOM } from '../sites/jsdom';
import { afterEach, expect, test } from 'vitest';
import { FocusTracker } from '../../../lib/editors/focus-tracker';
import { selectRange } from '../../../lib/editors/selection';

const controllers: AbortController[] = [];
afterEach(() => controllers.splice(0).forEach((c) => c.abort()));

function setup(body: string, isUserInput?: (e: Event) => boolean) {
  const dom = new JSDOM(`<!DOCTYPE html><body>${body}</body>`, { url: 'https://app.hubspot.com/', runScripts: 'outside-only' });
  const win = dom.window;
  const controller = new win.AbortController();
  controllers.push(controller);
  const tracker = new FocusTracker(win.document, controller.signal, undefined, isUserInput);
  tracker.start();
  return { win, doc: win.document, tracker, $: (id: string) => win.document.getElementById(id) as HTMLElement };
}

/** A selectionchange arrives asynchronously in browsers; jsdom needs it sent by hand. */
function moveCaret(doc: Document, editor: HTMLElement, node: Node, offset: number) {
  const r = doc.createRange();
  r.setStart(node, offset);
  r.collapse(true);
  selectRange(editor, r);
  doc.dispatchEvent(new doc.defaultView!.Event('selectionchange'));
}

test('remembers the last editor and its caret after the rep clicks elsewhere', () => {
  const { doc, tracker, $ } = setup(
    '<div id="note" contenteditable="true" tabindex="0"><p id="p">Call notes</p></div><button id="b">Create</button><input id="search" type="search" role="searchbox">',
  );
  $('note').focus();
  moveCaret(doc, $('note'), $('p').firstChild!, 4);
  $('b').focus();
  moveCaret(doc, $('b'), $('b').firstChild!, 0);
  $('search').focus();

  expect(tracker.lastEditor).toBe($('note'));
  expect(tracker.lastFocused).toBe($('search'));
  const caret = tracker.savedRange($('note'));
  expect(caret?.startContainer).toBe($('p').firstChild);
  expect(caret?.startOffset).toBe(4);
});

test('a search box or a one-line field never becomes the editor', () => {
  const { tracker, $ } = setup('<textarea id="ta"></textarea><input id="q" type="text" role="combobox"><input id="s" type="search">');
  $('ta').focus();
  $('q').focus();
  $('s').focus();
  expect(tracker.lastEditor).toBe($('ta'));
});

test('editors inside open shadow roots are tracked by their real element', () => {
  const { doc, tracker, $ } = setup('<div id="host"></div>');
  const root = $('host').attachShadow({ mode: 'open' });
  root.innerHTML = '<form><div id="box" class="msg-form__contenteditable" contenteditable="true" tabindex="0"><p>Hi</p></div></form>';
  const box = root.getElementById('box') as HTMLElement;
  box.focus();
  expect(doc.activeElement).toBe($('host'));
  expect(tracker.lastEditor).toBe(box);
});

test('a caret saved in one editor is not handed to another', () => {
  const { doc, tracker, $ } = setup(
    '<div id="a" contenteditable="true" tabindex="0"><p>one</p></div><div id="b" contenteditable="true" tabindex="0"><p>two</p></div>',
  );
  $('a').focus();
  moveCaret(doc, $('a'), $('a').querySelector('p')!.firstChild!, 2);
  $('b').focus();
  expect(tracker.lastEditor).toBe($('b'));
  expect(tracker.savedRange($('a'))).toBeNull();
});

test('a focus event a page script dispatches does not move where Insert goes', () => {
  // As in the browser: jsdom marks the focus events of focus() trusted, dispatched ones not.
  const { win, tracker, $ } = setup(
    '<div id="reply" contenteditable="true" tabindex="0"><p>Hi</p></div><div id="decoy" contenteditable="true" tabindex="0"></div>',
    (e) => e.isTrusted,
  );
  $('reply').focus();
  $('reply').blur();
  $('decoy').dispatchEvent(new win.FocusEvent('focusin', { bubbles: true, composed: true }));
  expect(tracker.lastEditor).toBe($('reply'));
  $('decoy').focus();
  expect(tracker.lastEditor).toBe($('decoy'));
});
