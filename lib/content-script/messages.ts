import * as z from 'zod/mini';
import type { ToContentMessage } from '../schema/messages';

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

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Compile-time proof that this mirror accepts exactly the shared schema's messages. */
export const mirrorsSharedSchema: Same<z.infer<typeof toContentMessage>, ToContentMessage> = true;

/** Parses an incoming message; anything that does not parse is dropped (undefined). */
export function parseToContent(raw: unknown): ToContentMessage | undefined {
  const r = toContentMessage.safeParse(raw);
  return r.success ? r.data : undefined;
}
