import { z } from 'zod';
import type { StoredItem } from '../db';
import { CONTENT_TYPES, JOURNEY_STAGES } from '../schema/content';

/**
 * Messages between an extension page (`client.ts`) and its search worker (`serve.ts`).
 * Both ends are our own code, but DESIGN.md asks every message crossing a context to be
 * checked on arrival: the envelopes are validated with zod. Items are checked only for an
 * id: they come from Dexie, validated when synced, and deep-checking 50,000 bodies per
 * `setItems` would cost more than indexing them.
 */

/**
 * A Uint8Array from any realm: `instanceof` fails for arrays made in another global (a worker
 * under test, a Firefox content context), though structured clone hands them over intact.
 */
export function isByteArray(value: unknown): value is Uint8Array<ArrayBuffer> {
  return ArrayBuffer.isView(value) && Object.prototype.toString.call(value) === '[object Uint8Array]';
}
const bytesSchema = z.custom<Uint8Array<ArrayBuffer>>(isByteArray, 'must be a Uint8Array');

const itemSchema = z.custom<StoredItem>((v) => typeof v === 'object' && v !== null && typeof (v as { id?: unknown }).id === 'string', 'must be a content item');

const searchOptionsSchema = z
  .object({
    stages: z.array(z.enum(JOURNEY_STAGES)).optional(),
    types: z.array(z.enum(CONTENT_TYPES)).optional(),
    limit: z.number().int().nonnegative().optional(),
    boostStages: z.array(z.enum(JOURNEY_STAGES)).optional(),
  })
  .optional();

const usageSchema = z.map(z.string(), z.object({ uses: z.number(), lastUsedAt: z.number() }));

/** Page → worker. */
export const searchRequestSchema = z.discriminatedUnion('op', [
  z.object({ id: z.number(), op: z.literal('setItems'), items: z.array(itemSchema) }),
  z.object({ id: z.number(), op: z.literal('upsert'), items: z.array(itemSchema) }),
  z.object({ id: z.number(), op: z.literal('remove'), ids: z.array(z.string()) }),
  z.object({ id: z.number(), op: z.literal('setUsage'), usage: usageSchema }),
  z.object({ id: z.number(), op: z.literal('search'), query: z.string(), options: searchOptionsSchema }),
  z.object({ id: z.number(), op: z.literal('load'), snapshot: bytesSchema }),
  z.object({ id: z.number(), op: z.literal('serialize') }),
]);
export type SearchRequest = z.infer<typeof searchRequestSchema>;

const hitSchema = z.object({ id: z.string(), score: z.number() });

/** Worker → page: the result of request `id`, or why it failed. */
export const searchResponseSchema = z.union([
  z.object({
    id: z.number(),
    ok: z.literal(true),
    hits: z.array(hitSchema).optional(),
    loaded: z.boolean().optional(),
    snapshot: bytesSchema.optional(),
    size: z.number(),
    revision: z.number(),
  }),
  z.object({ id: z.number(), ok: z.literal(false), error: z.string() }),
]);
export type SearchResponse = z.infer<typeof searchResponseSchema>;

/** What both a `Worker` and a `MessagePort` offer; tests pass one end of a `MessageChannel`. */
export interface SearchPort {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  /** A `MessagePort` delivers nothing until started; a `Worker` has no such method. */
  start?: () => void;
}
