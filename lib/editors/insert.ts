import type { InsertPayload, InsertResult } from '../schema/messages';
import { sanitizeHtml } from '../templates/sanitize';
import { insertIntoTextField, insertPlainText, fillEmptyField } from './plain-text';
import { insertRichText, textToHtml } from './rich-text';
import { isTextField, type EditorTarget } from './target';

/*
 * The insertion engine: picks the strategy for the kind of editor, in order of preference,
 * and reports what happened in the terms the panel shows the rep. When nothing could insert,
 * the panel copies to the clipboard instead (an extension page can; a content script in a
 * background tab often cannot).
 */
export function insertContent(
  target: EditorTarget | null,
  payload: InsertPayload,
  options: { savedRange?: Range | null; win?: Window & typeof globalThis } = {},
): InsertResult {
  const editor = target?.element;
  if (!target || !editor || !editor.isConnected) return { ok: false, reason: 'no-editor' };

  let inserted = false;
  try {
    target.checkpoint?.();
    if (isTextField(editor)) {
      inserted = insertIntoTextField(editor, payload.text);
    } else if (target.kind === 'plain') {
      inserted = insertPlainText(editor, payload.text, options.savedRange ?? null, target.caretAt ?? 'end');
    } else {
      // Sanitised here, whatever the sender did: this HTML is about to enter someone's page.
      const source = payload.html.trim() ? payload.html : textToHtml(payload.text);
      const html = sanitizeHtml(source, options.win ?? window);
      inserted = insertRichText(editor, html, options.savedRange ?? null, target.caretAt ?? 'end');
    }
  } catch (err) {
    return { ok: false, reason: 'failed', detail: String((err as Error)?.message ?? err).slice(0, 500) };
  }
  if (!inserted) return { ok: false, reason: 'failed', detail: `${target.label} did not accept the content` };
  target.checkpoint?.();

  const subjectFilled = fillEmptyField(target.subject, payload.subject?.trim());
  return { ok: true, editor: target.label.slice(0, 200), subjectFilled };
}
