import * as z from 'zod/mini';
import type { RenderReply, ShortcutConfig, ToContentMessage } from '../schema/messages';

/*
 * The messages the content script accepts, validated with zod's tree-shakeable build. The
 * schemas in lib/schema/messages.ts use zod's classic API, whose runtime alone is ~24 KB
 * gzipped — more than half the content script's 40 KB budget, next to DOMPurify's 12 KB. This
 * mirror is ~5 KB, and the type check below fails the build if it ever drifts from the shared
 * schema (lib/schema stays the one definition; see the report for moving this there).
 */

const insertPayload = z.object({
  html: z.string().check(z.maxLength(1_000_000)),
  text: z.string().check(z.maxLength(1_000_000)),
  subject: z.optional(z.string().check(z.maxLength(1000))),
});

export const toContentMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ui->content:get-context') }),
  z.object({ type: z.literal('ui->content:insert'), payload: insertPayload }),
  z.object({ type: z.literal('bg->content:open-palette') }),
  z.object({ type: z.literal('bg->content:shortcuts-changed') }),
]);

// The background's answers the content script waits on (shortcut expansion).
const text = (max: number) => z.string().check(z.maxLength(max));

const renderReply = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    id: text(120),
    title: text(300),
    payload: insertPayload,
    missing: z.array(z.object({ name: text(40), label: text(100) })),
    stale: z.boolean(),
  }),
  z.object({ ok: z.literal(false), reason: z.enum(['not-found', 'expired']), message: text(500) }),
]);

const shortcutConfig = z.object({
  prefix: z.string().check(z.minLength(1), z.maxLength(3)),
  key: z.enum(['Tab', 'Space']),
  shortcuts: z.array(text(40)).check(z.maxLength(100_000)),
});

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Compile-time proof that this mirror accepts exactly the shared schema's messages. */
export const mirrorsSharedSchema: Same<z.infer<typeof toContentMessage>, ToContentMessage> &
  Same<z.infer<typeof renderReply>, RenderReply> &
  Same<z.infer<typeof shortcutConfig>, ShortcutConfig> = true;

/** A background answer parsed with `schema`, or undefined (no answer, or one that does not parse). */
const parseWith =
  <T>(schema: { safeParse(raw: unknown): { success: boolean; data?: T } }) =>
  (raw: unknown): T | undefined => {
    const r = schema.safeParse(raw);
    return r.success ? r.data : undefined;
  };
export const parseRenderReply = parseWith<RenderReply>(renderReply);
export const parseShortcutConfig = parseWith<ShortcutConfig>(shortcutConfig);

/** Parses an incoming message; anything that does not parse is dropped (undefined). */
export function parseToContent(raw: unknown): ToContentMessage | undefined {
  const r = toContentMessage.safeParse(raw);
  return r.success ? r.data : undefined;
}
