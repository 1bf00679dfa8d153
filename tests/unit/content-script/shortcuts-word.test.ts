import { beforeEach, describe, expect, test } from 'vitest';
import { findTypedShortcut, matchShortcut, stillTyped } from '../../../lib/content-script/shortcut-word';

/*
 * The word before the caret, as the expand key sees it: only a known shortcut, standing on
 * its own right before the caret on the current line, counts.
 */

const known = new Set(['intro', 'demo', 'intro-ru']);

describe('matchShortcut', () => {
  test('the prefix and a known word at the end of the text', () => {
    expect(matchShortcut(';intro', ';', known)).toBe('intro');
    expect(matchShortcut('Hello Dana, ;demo', ';', known)).toBe('demo');
    expect(matchShortcut('(;intro-ru', ';', known)).toBe('intro-ru');
  });

  test('typed in capitals it is still the shortcut, kept as typed', () => {
    expect(matchShortcut(';Intro', ';', known)).toBe('Intro');
  });

  test('unknown words, a word glued to the one before, and text after the word are not shortcuts', () => {
    expect(matchShortcut(';introduction', ';', known)).toBeNull();
    expect(matchShortcut('mail;intro', ';', known)).toBeNull();
    expect(matchShortcut('https://x.example/;intro', ';', known)).toBe('intro');
    expect(matchShortcut(';intro ', ';', known)).toBeNull();
    expect(matchShortcut('intro', ';', known)).toBeNull();
    expect(matchShortcut(';', ';', known)).toBeNull();
  });

  test('the prefix comes from the settings and may be longer than one character', () => {
    expect(matchShortcut('//intro', '//', known)).toBe('intro');
    expect(matchShortcut(';intro', '//', known)).toBeNull();
  });
});

function caretIn(node: Node, offset: number): void {
  const range = document.createRange();
  range.setStart(node, offset);
  range.collapse(true);
  const sel = document.getSelection()!;
  sel.removeAllRanges();
  sel.addRange(range);
}

describe('findTypedShortcut', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  test('in a textarea: the shortcut before the caret, with its offsets', () => {
    document.body.innerHTML = '<textarea id="t"></textarea>';
    const t = document.getElementById('t') as HTMLTextAreaElement;
    t.value = 'First line\nHi ;intro and more';
    t.setSelectionRange(20, 20);
    const typed = findTypedShortcut(t, ';', known)!;
    expect(typed).toMatchObject({ word: 'intro', text: ';intro', start: 14, end: 20, range: null });
    expect(stillTyped(typed)).toBe(true);
    t.value = 'First line\nHi ;intrX and more';
    expect(stillTyped(typed)).toBe(false);
  });

  test('in a textarea: nothing with a selection, or when the word is on the line before', () => {
    document.body.innerHTML = '<textarea id="t"></textarea>';
    const t = document.getElementById('t') as HTMLTextAreaElement;
    t.value = ';intro';
    t.setSelectionRange(0, 6);
    expect(findTypedShortcut(t, ';', known)).toBeNull();
    t.value = ';intro\n';
    t.setSelectionRange(7, 7);
    expect(findTypedShortcut(t, ';', known)).toBeNull();
  });

  test('in a contenteditable: a range over exactly the typed text', () => {
    document.body.innerHTML = '<div id="ed" contenteditable="true"><div>Hi Dana,</div><div>See ;demo</div></div>';
    const ed = document.getElementById('ed')!;
    const text = ed.lastElementChild!.firstChild!;
    caretIn(text, 9);
    const typed = findTypedShortcut(ed, ';', known)!;
    expect(typed.word).toBe('demo');
    expect(typed.range!.toString()).toBe(';demo');
    expect(stillTyped(typed)).toBe(true);
  });

  test('across inline elements: formatting that splits the word does not hide it', () => {
    document.body.innerHTML = '<div id="ed" contenteditable="true"><p>Hi <i>;in</i><b>tr</b>o</p></div>';
    const ed = document.getElementById('ed')!;
    const last = ed.querySelector('p')!.lastChild!;
    caretIn(last, 1);
    const typed = findTypedShortcut(ed, ';', known)!;
    expect(typed.word).toBe('intro');
    expect(typed.range!.toString()).toBe(';intro');
    expect(typed.range!.startContainer).toBe(ed.querySelector('i')!.firstChild);
  });

  test('a caret between elements (after a bold word) still sees the text before it', () => {
    document.body.innerHTML = '<div id="ed" contenteditable="true"><p>x <b>;intro</b></p></div>';
    const ed = document.getElementById('ed')!;
    caretIn(ed.querySelector('p')!, 2);
    expect(findTypedShortcut(ed, ';', known)?.range?.toString()).toBe(';intro');
  });

  test('not across a line break or from the paragraph before', () => {
    document.body.innerHTML = '<div id="ed" contenteditable="true"><p>;in<br>tro</p><p>;demo</p><p>x</p></div>';
    const ed = document.getElementById('ed')!;
    const [first, , third] = [...ed.querySelectorAll('p')];
    caretIn(first!.lastChild!, 3);
    expect(findTypedShortcut(ed, ';', known)).toBeNull();
    caretIn(third!.firstChild!, 0);
    expect(findTypedShortcut(ed, ';', known)).toBeNull();
  });

  test('text after the caret does not matter; a selection is not a caret', () => {
    document.body.innerHTML = '<div id="ed" contenteditable="true"><p>;intro and then</p></div>';
    const ed = document.getElementById('ed')!;
    const text = ed.querySelector('p')!.firstChild!;
    caretIn(text, 6);
    expect(findTypedShortcut(ed, ';', known)?.word).toBe('intro');
    const range = document.createRange();
    range.setStart(text, 0);
    range.setEnd(text, 6);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
    expect(findTypedShortcut(ed, ';', known)).toBeNull();
  });

  test('the caret must be in this editor', () => {
    document.body.innerHTML = '<div id="a" contenteditable="true"><p>;intro</p></div><div id="b" contenteditable="true"><p>x</p></div>';
    caretIn(document.querySelector('#a p')!.firstChild!, 6);
    expect(findTypedShortcut(document.getElementById('b')!, ';', known)).toBeNull();
  });
});
