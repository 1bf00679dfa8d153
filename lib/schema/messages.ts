import { z } from 'zod';
import { contentTypeSchema, journeyStageSchema } from './content';
import { pageContextSchema } from './page-context';

/*
 * Messages between the extension's contexts, named by direction as `<from>-><to>:<what>`:
 * `content` is the content script in a host page, `ui` is an extension page (side panel,
 * options, dashboard), `bg` is the background service worker. Every message is parsed with
 * these schemas on arrival; anything that does not parse is dropped.
 */

/** Content ready to go into a host page: sanitised HTML for rich editors, text for plain ones. */
export const insertPayloadSchema = z.object({
  html: z.string().max(1_000_000),
  text: z.string().max(1_000_000),
  /** Fills an empty subject field (Gmail) when the item is an email template with a subject. */
  subject: z.string().max(1000).optional(),
});
export type InsertPayload = z.infer<typeof insertPayloadSchema>;

export const insertResultSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    /** The editor the content went into, as the rep would name it. */
    editor: z.string().max(200),
    subjectFilled: z.boolean(),
  }),
  z.object({ ok: z.literal(false), reason: z.enum(['no-editor', 'failed']), detail: z.string().max(500).optional() }),
]);
export type InsertResult = z.infer<typeof insertResultSchema>;

/** A search request from the in-page palette or any UI, answered by the background's engine. */
export const searchRequestSchema = z.object({
  query: z.string().max(500),
  stages: z.array(journeyStageSchema).max(5).default([]),
  types: z.array(contentTypeSchema).max(10).default([]),
  limit: z.number().int().min(1).max(100).default(20),
});
export type SearchRequest = z.infer<typeof searchRequestSchema>;

/** An item as the in-page palette lists it: no body, nothing the page needs not see. */
export const paletteItemSchema = z.object({
  id: z.string().max(120),
  title: z.string().max(300),
  type: contentTypeSchema,
  stages: z.array(journeyStageSchema),
  summary: z.string().max(1000),
  shortcut: z.string().max(40).optional(),
  stale: z.boolean(),
  expired: z.boolean(),
  owner: z.string().max(200),
});
export type PaletteItem = z.infer<typeof paletteItemSchema>;

/** An item rendered for this page, or why it cannot go out. */
export const renderReplySchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    id: z.string().max(120),
    title: z.string().max(300),
    payload: insertPayloadSchema,
    /** Variables with no value and no fallback: ask before inserting, with these labels. */
    missing: z.array(z.object({ name: z.string().max(40), label: z.string().max(100) })),
    stale: z.boolean(),
  }),
  z.object({
    ok: z.literal(false),
    reason: z.enum(['not-found', 'expired']),
    message: z.string().max(500),
  }),
]);
export type RenderReply = z.infer<typeof renderReplySchema>;

/** What the content script needs for shortcut expansion, kept locally so Tab is decided synchronously. */
export const shortcutConfigSchema = z.object({
  prefix: z.string().min(1).max(3),
  key: z.enum(['Tab', 'Space']),
  shortcuts: z.array(z.string().max(40)).max(100_000),
});
export type ShortcutConfig = z.infer<typeof shortcutConfigSchema>;

// ---- to the content script (from an extension page or the background) ----

export const toContentMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ui->content:get-context') }),
  z.object({ type: z.literal('ui->content:insert'), payload: insertPayloadSchema }),
  /** The palette's keyboard command; answered 'opened', or 'load' when palette.js must be injected first. */
  z.object({ type: z.literal('bg->content:open-palette') }),
  /** The library or the shortcut settings changed: fetch the shortcut config again. */
  z.object({ type: z.literal('bg->content:shortcuts-changed') }),
]);
export type ToContentMessage = z.infer<typeof toContentMessageSchema>;

// ---- to the background (from a content script or an extension page) ----

export const contentToBackgroundSchema = z.discriminatedUnion('type', [
  /** The page's context changed; extension pages listen to this too. */
  z.object({ type: z.literal('content->bg:context-changed'), context: pageContextSchema }),
  /** The Quiver button in a host page was clicked: open the side panel bound to this tab. */
  z.object({ type: z.literal('content->bg:open-panel') }),
  z.object({ type: z.literal('content->bg:search'), request: searchRequestSchema }),
  /**
   * Render an item for this page (palette, shortcut): variables filled from the page context,
   * the rep's profile and `values` the rep typed in. Answered with a RenderReply.
   */
  z.object({
    type: z.literal('content->bg:render'),
    id: z.string().max(200).optional(),
    shortcut: z.string().max(40).optional(),
    context: pageContextSchema,
    values: z.record(z.string().max(40), z.string().max(500)).optional(),
  }),
  /** Answered with a ShortcutConfig. */
  z.object({ type: z.literal('content->bg:get-shortcuts') }),
  /** The page needs the quick palette (a shortcut's fill form): inject palette.js into its top frame. */
  z.object({ type: z.literal('content->bg:load-palette') }),
  /** Content went out from the page (palette insert, shortcut expansion): record the usage event. */
  z.object({
    type: z.literal('content->bg:used'),
    id: z.string().max(200),
    via: z.enum(['palette', 'shortcut']),
    context: pageContextSchema,
    timeToContentMs: z.number().int().min(0).max(86_400_000).optional(),
  }),
]);
export type ContentToBackgroundMessage = z.infer<typeof contentToBackgroundSchema>;

export const uiToBackgroundSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ui->bg:sync-now') }),
  z.object({ type: z.literal('ui->bg:upload-events') }),
  z.object({ type: z.literal('ui->bg:settings-changed') }),
]);
export type UiToBackgroundMessage = z.infer<typeof uiToBackgroundSchema>;
