import { JSDOM } from '../sites/jsdom';
import { describe, expect, test } from 'vitest';
import { insertContent } from '../../../lib/editors/insert';
import { selectRange } from '../../../lib/editors/selection';
import type { EditorTarget } from '../../../lib/editors/target';

function page(body: string) {
  const dom = new JSDOM(`<!DOCTYPE html><body>${body}</body>`, { url: 'https://mail.google.com/mail/u/0/', runScripts: 'outside-only' });
  const win = dom.window;
  const doc = win.document;
  const events: { target: string; type: string; inputType?: string }[] = [];
  // The host listens by delegation, as Gmail does on its compose root.
  for (const type of ['input', 'change']) {
    doc.body.addEventListener(type, (e) => events.push({ target: (e.target as Element).id, type, inputType: (e as InputEvent).inputType }));
  }
  return { win, doc, events, $: (id: string) => doc.getElementById(id) as HTMLElement };
}

function caretAfter(doc: Document, textNode: Node, offset: number): Range {
  const r = doc.createRange();
  r.setStart(textNode, offset);
  r.collapse(true);
  return r;
}

const rich = (element: HTMLElement, extra: Partial<EditorTarget> = {}): EditorTarget => ({ element, kind: 'rich', label: 'Message Body', ...extra });

describe('rich editors', () => {
  test('HTML goes in at the saved caret, sanitised, and the page sees one input event', async () => {
    const { win, doc, events, $ } = page(
      '<div id="ed" contenteditable="true"><p id="p">Hello world</p></div><div id="other" contenteditable="true"><p>x</p></div>',
    );
    const text = $('p').firstChild!;
    const saved = caretAfter(doc, text, 6);
    // The rep clicked elsewhere since: the document's selection is in another editor.
    selectRange($('other'), caretAfter(doc, $('other').querySelector('p')!.firstChild!, 1));

    (win as unknown as { hacked: boolean }).hacked = false;
    const result = insertContent(
      rich($('ed')),
      {
        html: '<b>Dana</b> <img src="x" onerror="window.hacked = true"><script>window.hacked = true</script><a href="javascript:alert(1)">x</a>',
        text: 'Dana',
      },
      { savedRange: saved, win },
    );
    expect(result).toEqual({ ok: true, editor: 'Message Body', subjectFilled: false });
    expect($('p').innerHTML).toMatch(/^Hello <b>Dana<\/b>/);
    expect($('ed').innerHTML).not.toMatch(/onerror|<script|javascript:/);
    expect($('other').textContent).toBe('x');
    await new Promise((r) => setTimeout(r, 20));
    expect((win as unknown as { hacked: boolean }).hacked).toBe(false);
    expect(events).toEqual([{ target: 'ed', type: 'input', inputType: 'insertFromPaste' }]);
  });

  test('with no caret ever placed, Gmail-style editors take content at the start, above the signature', () => {
    const { win, $ } = page('<div id="ed" contenteditable="true"><div><br></div><div class="gmail_signature">-- Maria</div></div>');
    insertContent(rich($('ed'), { caretAt: 'start' }), { html: '<p>Hi Dana,</p>', text: 'Hi Dana,' }, { win });
    expect($('ed').firstElementChild!.textContent).toBe('Hi Dana,');
    expect($('ed').lastElementChild!.textContent).toBe('-- Maria');
  });

  test('a payload with text only still reaches a rich editor, as paragraphs', () => {
    const { win, $ } = page('<div id="ed" contenteditable="true"><p><br></p></div>');
    insertContent(rich($('ed')), { html: '', text: 'Hi <Dana>,\n\nSee the deck.' }, { win });
    expect($('ed').innerHTML).toBe('<p>Hi &lt;Dana&gt;,</p><p>See the deck.</p>');
  });

  test('when execCommand works it is used (undo stays the host’s) and no second input event is sent', () => {
    const { win, doc, events, $ } = page('<div id="ed" contenteditable="true"><p id="p">Hello</p></div>');
    const calls: string[] = [];
    (doc as unknown as { execCommand: (c: string, u: boolean, v: string) => boolean }).execCommand = (command, _ui, value) => {
      calls.push(command);
      $('p').insertAdjacentHTML('beforeend', value);
      $('ed').dispatchEvent(new win.InputEvent('input', { bubbles: true, inputType: 'insertHTML' }));
      return true;
    };
    selectRange($('ed'), caretAfter(doc, $('p').firstChild!, 5));
    insertContent(rich($('ed')), { html: '<b>!</b>', text: '!' }, { win });
    expect(calls).toEqual(['insertHTML']);
    expect(events).toEqual([{ target: 'ed', type: 'input', inputType: 'insertHTML' }]);
  });

  test('execCommand is never pointed at another editor’s selection', () => {
    const { win, doc, $ } = page('<div id="ed" contenteditable="true"><p>One</p></div><div id="other" contenteditable="true"><p>Two</p></div>');
    let usedWhileOutside = false;
    (doc as unknown as { execCommand: () => boolean }).execCommand = () => {
      const sel = doc.getSelection()!;
      if (!$('ed').contains(sel.anchorNode)) usedWhileOutside = true;
      return false;
    };
    // Focus cannot move the caret in this saved page; the engine must not insert into #other.
    selectRange($('other'), caretAfter(doc, $('other').querySelector('p')!.firstChild!, 3));
    $('ed').focus = () => {};
    insertContent(rich($('ed')), { html: '<i>x</i>', text: 'x' }, { win });
    expect(usedWhileOutside).toBe(false);
    expect($('other').innerHTML).toBe('<p>Two</p>');
    expect($('ed').innerHTML).toContain('<i>x</i>');
  });
});

describe('plain editors', () => {
  test('a plain contenteditable (LinkedIn) gets text and line breaks, never markup', () => {
    const { win, doc, events, $ } = page('<form><div id="box" contenteditable="true"><p id="p">Hi</p></div></form>');
    selectRange($('box'), caretAfter(doc, $('p').firstChild!, 2));
    const result = insertContent({ element: $('box'), kind: 'plain', label: 'LinkedIn message' }, { html: '<b>bold</b>', text: ' Dana,\nsee <this>' }, { win });
    expect(result.ok).toBe(true);
    expect($('p').innerHTML).toBe('Hi Dana,<br>see &lt;this&gt;');
    expect(events).toEqual([{ target: 'box', type: 'input', inputType: 'insertText' }]);
  });

  test('a textarea gets text at its caret, then input and change', () => {
    const { win, events, $ } = page('<textarea id="ta">Dear , thanks</textarea>');
    const ta = $('ta') as HTMLTextAreaElement;
    ta.setSelectionRange(5, 5);
    const result = insertContent({ element: ta, kind: 'plain', label: 'Comments' }, { html: '<p>x</p>', text: 'Dana' }, { win });
    expect(result).toEqual({ ok: true, editor: 'Comments', subjectFilled: false });
    expect(ta.value).toBe('Dear Dana, thanks');
    expect(events.map((e) => `${e.type}:${e.target}`)).toEqual(['input:ta', 'change:ta']);
  });
});

describe('subject and failures', () => {
  test('an empty subject is filled (with events); a written one is left alone', () => {
    const { win, events, $ } = page(
      '<input id="s1" name="subjectbox" value=""><input id="s2" name="subjectbox" value="My own"><div id="ed" contenteditable="true"><p><br></p></div>',
    );
    const first = insertContent(
      rich($('ed'), { subject: $('s1') as HTMLInputElement }),
      { html: '<p>a</p>', text: 'a', subject: 'Idea for Northwind' },
      { win },
    );
    expect(first).toMatchObject({ ok: true, subjectFilled: true });
    expect(($('s1') as HTMLInputElement).value).toBe('Idea for Northwind');
    expect(events.filter((e) => e.target === 's1').map((e) => e.type)).toEqual(['input', 'change']);

    const second = insertContent(
      rich($('ed'), { subject: $('s2') as HTMLInputElement }),
      { html: '<p>b</p>', text: 'b', subject: 'Idea for Northwind' },
      { win },
    );
    expect(second).toMatchObject({ ok: true, subjectFilled: false });
    expect(($('s2') as HTMLInputElement).value).toBe('My own');
  });

  test('no editor, or one that has left the page, is "no-editor"', () => {
    const { win, $ } = page('<div id="ed" contenteditable="true"></div>');
    expect(insertContent(null, { html: 'x', text: 'x' }, { win })).toEqual({ ok: false, reason: 'no-editor' });
    const gone = $('ed');
    gone.remove();
    expect(insertContent(rich(gone), { html: 'x', text: 'x' }, { win })).toEqual({ ok: false, reason: 'no-editor' });
  });
});
