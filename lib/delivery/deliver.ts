import { writeClipboard } from '../clipboard';
import { messenger, tabTransport } from '../messaging/send';
import type { InsertPayload, InsertResult } from '../schema/messages';

export type Delivery = { how: 'inserted'; editor: string; subjectFilled: boolean } | { how: 'copied'; because: 'asked' | 'no-editor' | 'unreachable' };

/** Sends content to the bound tab's editor (top frame); the content script sanitises it again. */
export async function insertIntoTab(tabId: number, payload: InsertPayload): Promise<InsertResult | null> {
  return messenger('panel', 'content', tabTransport(tabId))
    .request('panel->content:insert', { payload })
    .catch(() => null);
}

/**
 * Inserts into the page when it can, else copies to the clipboard, and says which happened:
 * content is never silently lost.
 */
export async function deliver(tabId: number | null, payload: InsertPayload): Promise<Delivery> {
  const result = tabId === null ? null : await insertIntoTab(tabId, payload);
  if (result?.ok) return { how: 'inserted', editor: result.editor, subjectFilled: result.subjectFilled };
  await writeClipboard(payload);
  return { how: 'copied', because: result === null ? 'unreachable' : 'no-editor' };
}
