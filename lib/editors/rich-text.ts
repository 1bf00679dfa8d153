import { sanitizeToFragment } from '../templates/sanitize';
import { focusWithCaret, insertNodesAt } from './caret';
import { dispatchInput, watchInput } from './events';
import { currentRangeIn } from './selection';

/*
 * Rich contenteditable editors (Gmail, CKEditor in Salesforce, ProseMirror in HubSpot): the
 * HTML goes in at the caret. execCommand first, because the browser then records the edit in
 * the host's undo stack and fires the input event itself; a Range-based insert when the
 * browser refuses (no execCommand, editor not focusable, or nothing changed).
 * `html` must already be sanitised.
 */
export function insertRichText(editor: HTMLElement, html: string, saved: Range | null, fallback: 'start' | 'end'): boolean {
  let range = focusWithCaret(editor, saved, fallback);
  const doc = editor.ownerDocument;
  const before = editor.innerHTML;

  const viaCommand = watchInput(editor, () => {
    // Never let execCommand act on a selection outside this editor (another compose).
    if (typeof doc.execCommand !== 'function' || !currentRangeIn(editor)) return false;
    return doc.execCommand('insertHTML', false, html) && editor.innerHTML !== before;
  });
  if (viaCommand.changed) {
    if (!viaCommand.inputSeen) dispatchInput(editor, 'insertFromPaste');
    return true;
  }

  range = currentRangeIn(editor) ?? range;
  // The nodes come from the sanitiser itself (sanitising twice changes nothing).
  const win = (doc.defaultView ?? window) as Window & typeof globalThis;
  insertNodesAt(editor, range, doc.importNode(sanitizeToFragment(html, win), true));
  if (editor.innerHTML === before) return false;
  dispatchInput(editor, 'insertFromPaste');
  return true;
}

/** Plain text as HTML paragraphs, for a rich editor when the payload carries only text. */
export function textToHtml(text: string): string {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  return text
    .split(/\n{2,}/)
    .map((para) => `<p>${para.split('\n').map(escape).join('<br>')}</p>`)
    .join('');
}
