import { z } from 'zod';
import { usageEventSchema } from './events';

/*
 * Payloads of the library server's HTTP API (v1), shared by the server and the extension's
 * sync client. Responses are parsed with these on arrival; anything that does not parse is a
 * malformed response, never a half-read one.
 */

export const ROLES = ['rep', 'manager', 'admin'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/** Every error the API answers: `{error: {code, message}}`, with a fitting HTTP status. */
export const apiErrorSchema = z.object({
  error: z.object({ code: z.string().max(100), message: z.string().max(2000) }),
});
export type ApiErrorBody = z.infer<typeof apiErrorSchema>;

/** GET /api/v1/me */
export const meResponseSchema = z.object({
  user: z.object({ email: z.string().max(320), role: roleSchema }),
  org: z.object({ slug: z.string().max(120) }),
});
export type MeResponse = z.infer<typeof meResponseSchema>;

/**
 * Per-org settings served with the library. `stageMap` maps a CRM's stage name to a journey
 * stage (a later feature); absent until an org defines one.
 */
export const orgSettingsSchema = z.object({
  stageMap: z.record(z.string().max(200), z.string().max(60)).optional(),
  /** `false`: the org's admin turned share links off; existing links answer 410. */
  shareLinks: z.boolean().optional(),
});
export type OrgSettings = z.infer<typeof orgSettingsSchema>;

export const LIBRARY_PAGE_DEFAULT_LIMIT = 500;
export const LIBRARY_PAGE_MAX_LIMIT = 1000;

/**
 * GET /api/v1/library?cursor=&limit=
 *
 * `items` are left unparsed here on purpose: the client validates each one on its own, so a
 * single malformed item is skipped and reported instead of failing the whole page.
 */
export const libraryPageSchema = z.object({
  items: z.array(z.unknown()),
  /** Ids deleted since the cursor (tombstones). */
  deleted: z.array(z.string().max(200)),
  /** Opaque; send it back as `?cursor=` to get what changed after this page. */
  cursor: z.string().min(1).max(200),
  hasMore: z.boolean(),
  /** Changes still to come after this page; lets a large first sync show progress. */
  remaining: z.number().int().nonnegative().optional(),
  settings: orgSettingsSchema.optional(),
});
export type LibraryPage = z.infer<typeof libraryPageSchema>;

export const EVENTS_PER_BATCH_MAX = 1000;

/**
 * POST /api/v1/events. The server validates each event on its own, so the request schema only
 * checks the envelope.
 */
export const eventsRequestSchema = z.object({
  events: z.array(z.unknown()).max(EVENTS_PER_BATCH_MAX, `must hold at most ${EVENTS_PER_BATCH_MAX} events`),
});
/** What a client sends: well-formed usage events. */
export type EventsRequest = { events: z.input<typeof usageEventSchema>[] };

export const rejectedEventSchema = z.object({
  /** Position of the event in the batch. */
  index: z.number().int().nonnegative(),
  id: z.string().max(200).optional(),
  /** `field: message` for each problem, joined by `; `. */
  message: z.string().max(5000),
});
export type RejectedEvent = z.infer<typeof rejectedEventSchema>;

export const eventsResponseSchema = z.object({
  /** Events stored by this request. */
  accepted: z.number().int().nonnegative(),
  /** Valid events the server already had (a re-sent batch), counted once. */
  duplicates: z.number().int().nonnegative(),
  rejected: z.array(rejectedEventSchema),
});
export type EventsResponse = z.infer<typeof eventsResponseSchema>;
