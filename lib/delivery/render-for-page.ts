import type { StoredItem } from '../db';
import { t } from '../i18n';
import { isExpired, isStale } from '../schema/content';
import type { InsertPayload } from '../schema/messages';
import type { PageContext } from '../schema/page-context';
import type { Profile } from '../settings';
import { renderItem, type VariableValues } from '../templates/render';
import { variableValues } from '../templates/values';
import { isTemplateVariable, type TemplateVariable } from '../templates/variables';

/*
 * Content on its way into a page, the one way every path takes it — the side panel's Insert
 * and Copy, the palette, shortcut expansion: refused if the item has expired, else rendered
 * with the prospect's details from the page, the rep's profile and any values the rep typed.
 * The HTML is not sanitised here (the background has no DOM): the content script sanitises
 * what it inserts, the panel what it copies.
 */

export type PageRendering =
  | {
      ok: true;
      payload: InsertPayload;
      /** Variables with no value and no fallback: ask the rep for them before anything goes out. */
      missing: TemplateVariable[];
      stale: boolean;
    }
  | { ok: false; reason: 'expired'; message: string };

/** Why an item may no longer go out (expired: the date and whom to ask), or null when it may. */
export function refusal(item: StoredItem, today: string): string | null {
  return isExpired(item, today) ? t('expiredNotice', [item.expires ?? '', item.owner]) : null;
}

export interface RenderOptions {
  context: PageContext | undefined;
  profile: Profile | undefined;
  /** Values the rep typed for variables the page lacked; blank ones count as not given. */
  typed?: Record<string, string | undefined>;
  today: string;
}

export function renderForPage(item: StoredItem, { context, profile, typed = {}, today }: RenderOptions): PageRendering {
  const refused = refusal(item, today);
  if (refused !== null) return { ok: false, reason: 'expired', message: refused };
  const values: VariableValues = { ...variableValues(context, profile) };
  for (const [name, value] of Object.entries(typed)) if (isTemplateVariable(name) && value?.trim()) values[name] = value;
  const rendered = renderItem(item, values);
  return {
    ok: true,
    payload: { html: rendered.html, text: rendered.text, ...(rendered.subject ? { subject: rendered.subject } : {}) },
    missing: rendered.missing,
    stale: isStale(item, today),
  };
}
