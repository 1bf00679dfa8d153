import { t } from '../i18n';
import { typeLabel } from '../labels';
import type { PaletteItem } from '../schema/messages';

/*
 * One result in the palette's listbox: the title, badges a rep must not miss (Stale, Expired),
 * the type and shortcut, and for expired or stale items the reason and whom to ask. An expired
 * item is listed, so the rep learns why it is not offered, but marked disabled.
 */

function span(doc: Document, className: string, text: string): HTMLSpanElement {
  const el = doc.createElement('span');
  el.className = className;
  el.textContent = text;
  return el;
}

export function optionId(index: number): string {
  return `quiver-option-${index}`;
}

export function resultOption(doc: Document, item: PaletteItem, index: number): HTMLLIElement {
  const li = doc.createElement('li');
  li.id = optionId(index);
  li.setAttribute('role', 'option');
  li.setAttribute('aria-selected', 'false');
  li.append(span(doc, 'title', item.title));
  if (item.expired) {
    li.setAttribute('aria-disabled', 'true');
    li.append(span(doc, 'badge expired', t('badgeExpired')));
  } else if (item.stale) {
    li.append(span(doc, 'badge stale', t('badgeStale')));
  }
  const meta = [typeLabel(item.type), item.shortcut ? t('paletteShortcut', item.shortcut) : ''].filter(Boolean).join(' · ');
  li.append(span(doc, 'meta', meta));
  if (item.expired) li.append(span(doc, 'reason', t('paletteExpiredReason', item.owner)));
  else if (item.stale) li.append(span(doc, 'meta', t('paletteStaleReason', item.owner)));
  else if (item.summary) li.append(span(doc, 'summary', item.summary));
  return li;
}
