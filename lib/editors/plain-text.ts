import { focusEditor, focusWithCaret } from './caret';
import { dispatchChange, dispatchInput, watchInput } from './events';
import { currentRangeIn, selectRange } from './selection';

/*
 * Text into editors that keep plain text: contenteditables whose site strips formatting
 * (LinkedIn messages), textareas, and text inputs.
 */

/**
 * A plain contenteditable: execCommand('insertText') keeps undo and lets the editor turn
 * line breaks into its own paragraphs; the fallback writes text nodes and <br>s, which are
 * valid wherever the caret is.
 */
export function insertPlainText(editor: HTMLElement, text: string, saved: Range | null, fallback: 'start' | 'end'): boolean {
  const range = focusWithCaret(editor, saved, fallback);
  const doc = editor.ownerDocument;
  const before = editor.innerHTML;

  const viaCommand = watchInput(editor, () => {
    if (typeof doc.execCommand !== 'function' || !currentRangeIn(editor)) return false;
    return doc.execCommand('insertText', false, text) && editor.innerHTML !== before;
  });
  if (viaCommand.changed) {
    if (!viaCommand.inputSeen) dispatchInput(editor, 'insertText', text);
    return true;
  }

  const at = currentRangeIn(editor) ?? range;
  const fragment = doc.createDocumentFragment();
  text.split('\n').forEach((line, i) => {
    if (i > 0) fragment.append(doc.createElement('br'));
    if (line) fragment.append(doc.createTextNode(line));
  });
  const last = fragment.lastChild;
  at.deleteContents();
  at.insertNode(fragment);
  if (last) {
    const after = doc.createRange();
    after.setStartAfter(last);
    after.collapse(true);
    selectRange(editor, after);
  }
  if (editor.innerHTML === before) return false;
  dispatchInput(editor, 'insertText', text);
  return true;
}

/**
 * A textarea or input: at its caret (a field keeps its selection when it loses focus), through
 * execCommand so Ctrl+Z works, else setRangeText. `change` follows, as when a person leaves
 * the field, so frameworks that save on change see it.
 */
export function insertIntoTextField(field: HTMLTextAreaElement | HTMLInputElement, text: string): boolean {
  const doc = field.ownerDocument;
  const value = field.value;
  const start = field.selectionStart ?? value.length;
  const end = field.selectionEnd ?? start;
  focusEditor(field);
  try {
    field.setSelectionRange(start, end);
  } catch {
    // Some input types have no selection; the command below then appends.
  }
  const viaCommand = watchInput(field, () => {
    if (typeof doc.execCommand !== 'function' || doc.activeElement !== field) return false;
    return doc.execCommand('insertText', false, text) && field.value !== value;
  });
  if (viaCommand.changed) {
    if (!viaCommand.inputSeen) dispatchInput(field, 'insertText', text);
  } else {
    field.setRangeText(text, start, end, 'end');
    if (field.value === value && text !== '') return false;
    dispatchInput(field, 'insertText', text);
  }
  dispatchChange(field);
  return true;
}

/** Fills a subject left empty; a subject the rep already wrote is never replaced. */
export function fillEmptyField(field: HTMLInputElement | null | undefined, value: string | undefined): boolean {
  if (!field || !value || !field.isConnected || field.disabled || field.readOnly) return false;
  if (field.value.trim() !== '') return false;
  field.value = value;
  dispatchInput(field, 'insertText', value);
  dispatchChange(field);
  return true;
}
