import * as z from 'zod/mini';
import { pageContextSchema } from './page-context';
import { contentTypeSchema, journeyStageSchema } from './vocabulary';

/*
 * Every runtime message between the extension's contexts, declared once: its name, the fields
 * it carries and the reply it gets (none for a notification). Both ends use this table, through
 * the typed helpers in lib/messaging/, and every message is parsed with these schemas on
 * arrival; what does not parse is dropped unanswered. Written with zod/mini, so the content
 * script can carry it.
 *
 * Names say who really talks to whom, `<from>-><to>:<what>`:
 * - `content`: the content script in a host page, and palette.js, which joins its world;
 * - `panel`: the side panel; `options`: the options page;
 * - `bg`: the background service worker.
 * The browser tells a content script from an extension page, not one extension page (or the
 * worker) from another, so that is as far as a receiver checks the sender.
 */

const text = (max: number) => z.string().check(z.maxLength(max));

/** Content ready to go into a host page: sanitised HTML for rich editors, text for plain ones. */
export const insertPayloadSchema = z.object({
  html: text(1_000_000),
  text: text(1_000_000),
  /** Fills an empty subject field (Gmail) when the item is an email template with a subject. */
  subject: z.optional(text(1000)),
});
export type InsertPayload = z.infer<typeof insertPayloadSchema>;

export const insertResultSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    /** The editor the content went into, as the rep would name it. */
    editor: text(200),
    subjectFilled: z.boolean(),
  }),
  z.object({ ok: z.literal(false), reason: z.enum(['no-editor', 'failed']), detail: z.optional(text(500)) }),
]);
export type InsertResult = z.infer<typeof insertResultSchema>;

/** A search request from the in-page palette, answered by the background's engine. */
export const searchRequestSchema = z.object({
  query: text(500),
  stages: z._default(z.array(journeyStageSchema).check(z.maxLength(5)), []),
  types: z._default(z.array(contentTypeSchema).check(z.maxLength(10)), []),
  limit: z._default(z.int().check(z.minimum(1), z.maximum(100)), 20),
});
export type SearchRequest = z.infer<typeof searchRequestSchema>;

/** An item as the in-page palette lists it: no body, nothing the page needs not see. */
export const paletteItemSchema = z.object({
  id: text(120),
  title: text(300),
  type: contentTypeSchema,
  stages: z.array(journeyStageSchema),
  summary: text(1000),
  shortcut: z.optional(text(40)),
  stale: z.boolean(),
  expired: z.boolean(),
  owner: text(200),
  /** Offered as a share link: a server is set and the org and the item allow it. */
  shareable: z.optional(z.boolean()),
});
export type PaletteItem = z.infer<typeof paletteItemSchema>;

/** An item rendered for this page, or why it cannot go out. */
export const renderReplySchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    id: text(120),
    title: text(300),
    payload: insertPayloadSchema,
    /** Variables with no value and no fallback: ask before inserting, with these labels. */
    missing: z.array(z.object({ name: text(40), label: text(100) })),
    stale: z.boolean(),
  }),
  z.object({
    ok: z.literal(false),
    reason: z.enum(['not-found', 'expired', 'unavailable']),
    message: text(500),
  }),
]);
export type RenderReply = z.infer<typeof renderReplySchema>;

/** What the content script needs for shortcut expansion, kept locally so Tab is decided synchronously. */
export const shortcutConfigSchema = z.object({
  prefix: z.string().check(z.minLength(1), z.maxLength(3)),
  key: z.enum(['Tab', 'Space']),
  shortcuts: z.array(text(40)).check(z.maxLength(100_000)),
});
export type ShortcutConfig = z.infer<typeof shortcutConfigSchema>;

/** How a sync the rep asked for ended; the options page reads the details from the stored status. */
export const syncOutcomeSchema = z.nullable(
  z.object({
    outcome: z.enum(['synced', 'failed', 'aborted']),
    error: z.optional(z.object({ code: text(40), message: text(10_000) })),
    itemCount: z.int().check(z.minimum(0)),
  }),
);

const none = z.object({});
/** The reply of a request whose answer only says it was done. */
const done = z.null();

/** The contexts that exchange messages (see the top of this file). */
export type Context = 'content' | 'panel' | 'options' | 'bg';

/** A message: the fields it carries besides `type`, and its reply; no reply makes it a notification. */
export interface MessageSpec {
  readonly fields: z.ZodMiniObject;
  readonly reply?: z.ZodMiniType;
}

export const MESSAGES = {
  /** The page context as the content script reads it now. */
  'panel->content:get-context': { fields: none, reply: pageContextSchema },
  /** Insert into the editor the rep was last in; the content script sanitises the HTML again. */
  'panel->content:insert': { fields: z.object({ payload: insertPayloadSchema }), reply: insertResultSchema },
  /** The palette's keyboard command: 'opened', or 'load' when palette.js must be injected first. */
  'bg->content:open-palette': { fields: none, reply: z.enum(['opened', 'load']) },
  /** The library or the shortcut settings changed: fetch the shortcut config again. */
  'bg->content:shortcuts-changed': { fields: none },

  /** The page's context changed (the side panel shows it). */
  'content->panel:context-changed': { fields: z.object({ context: pageContextSchema }) },

  /** The page's context as read (again): the background judges the site-health probes from it. */
  'content->bg:page-seen': { fields: z.object({ context: pageContextSchema }) },
  /** The Quiver button in a host page was clicked: open the side panel bound to this tab. */
  'content->bg:open-panel': { fields: none },
  /** The page needs the quick palette (a shortcut's fill form): inject palette.js into its top frame. */
  'content->bg:load-palette': { fields: none },
  'content->bg:search': { fields: z.object({ request: searchRequestSchema }), reply: z.array(paletteItemSchema) },
  /**
   * Render an item for this page (palette, shortcut): variables filled from the page context,
   * the rep's profile and `values` the rep typed in.
   */
  'content->bg:render': {
    fields: z.object({
      id: z.optional(text(200)),
      shortcut: z.optional(text(40)),
      context: pageContextSchema,
      values: z.optional(z.record(text(40), text(500))),
    }),
    reply: renderReplySchema,
  },
  'content->bg:get-shortcuts': { fields: none, reply: shortcutConfigSchema },
  /** Share link from the palette: a new share link for the item, as a titled link to insert. */
  'content->bg:share-link': { fields: z.object({ id: text(200), context: pageContextSchema }), reply: renderReplySchema },
  /** Content went out from the page (palette insert, shortcut expansion): record the usage event. */
  'content->bg:used': {
    fields: z.object({
      id: text(200),
      via: z.enum(['palette', 'shortcut']),
      context: pageContextSchema,
      timeToContentMs: z.optional(z.int().check(z.minimum(0), z.maximum(86_400_000))),
    }),
    reply: done,
  },

  /** The panel recorded usage events: upload them unless a backoff runs. */
  'panel->bg:upload-events': { fields: none, reply: done },
  /** Sync now: sync the library and upload the outbox, whatever the backoff. */
  'options->bg:sync-now': { fields: none, reply: syncOutcomeSchema },
  /** The settings were saved: tell open pages about shortcuts, then sync and upload. */
  'options->bg:settings-changed': { fields: none, reply: done },
} as const satisfies Record<`${Context}->${Context}:${string}`, MessageSpec>;

type Messages = typeof MESSAGES;
export type MessageName = keyof Messages;

type FromOf<N> = N extends `${infer F}->${string}` ? F : never;
type ToOf<N> = N extends `${string}->${infer T}:${string}` ? T : never;

/** The messages one context sends to another. */
export type MessagesBetween<From extends Context, To extends Context> = {
  [N in MessageName]: FromOf<N> extends From ? (ToOf<N> extends To ? N : never) : never;
}[MessageName];
export type MessagesTo<To extends Context> = MessagesBetween<Context, To>;

/** Messages that are answered, and notifications, which never are. */
export type RequestName = { [N in MessageName]: Messages[N] extends { reply: z.ZodMiniType } ? N : never }[MessageName];
export type NotificationName = Exclude<MessageName, RequestName>;

/** zod types an object with no fields as a record of nothing; a message with none has just its type. */
type Fields<T> = string extends keyof T ? Record<never, never> : T;

/** A message as it arrives (defaults applied), and as a sender may write it. */
export type Message<N extends MessageName> = { type: N } & Fields<z.output<Messages[N]['fields']>>;
export type MessageFields<N extends MessageName> = Fields<z.input<Messages[N]['fields']>>;

/** A request's reply as the sender gets it, and as the receiver may write it. */
export type Reply<N extends MessageName> = Messages[N] extends { reply: infer R extends z.ZodMiniType } ? z.output<R> : void;
export type ReplyInput<N extends MessageName> = Messages[N] extends { reply: infer R extends z.ZodMiniType } ? z.input<R> : void;

export function isMessageName(name: unknown): name is MessageName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(MESSAGES, name);
}

export function senderOf(name: MessageName): Context {
  return name.slice(0, name.indexOf('->')) as Context;
}

export function receiverOf(name: MessageName): Context {
  return name.slice(name.indexOf('->') + 2, name.indexOf(':')) as Context;
}

export function isRequest(name: MessageName): name is RequestName {
  return (MESSAGES[name] as MessageSpec).reply !== undefined;
}

const messageSchemas = new Map<MessageName, z.ZodMiniType>();

/** The whole message's schema: its fields and its `type`. */
export function messageSchema<N extends MessageName>(name: N): z.ZodMiniType<Message<N>> {
  let schema = messageSchemas.get(name);
  if (!schema) {
    schema = z.extend(MESSAGES[name].fields as z.ZodMiniObject, { type: z.literal(name) });
    messageSchemas.set(name, schema);
  }
  return schema as z.ZodMiniType<Message<N>>;
}

/**
 * A message as it arrived, parsed for a receiver: undefined unless it is one of the messages
 * `to` receives (and, with `from`, one those contexts send) and fits that message's schema.
 * Unknown keys are dropped.
 */
export function parseMessage<To extends Context, From extends Context = Context>(
  raw: unknown,
  to: To,
  from?: readonly From[],
): Message<MessagesBetween<From, To>> | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const name = (raw as { type?: unknown }).type;
  if (!isMessageName(name) || receiverOf(name) !== to) return undefined;
  if (from && !(from as readonly Context[]).includes(senderOf(name))) return undefined;
  const parsed = messageSchema(name).safeParse(raw);
  return parsed.success ? (parsed.data as Message<MessagesBetween<From, To>>) : undefined;
}
