import { z } from 'zod';
import { contentTypeSchema, journeyStageSchema } from './content';
import { pageKindSchema, siteSchema } from './page-context';

export const EVENT_KINDS = [
  'search',
  'search_no_results',
  'preview',
  'insert',
  'copy',
  'copy_link',
  'open_asset',
  'expand_shortcut',
  'suggestion_shown',
  'suggestion_used',
] as const;
export const eventKindSchema = z.enum(EVENT_KINDS);
export type EventKind = z.infer<typeof eventKindSchema>;

/** Kinds that count as a rep using a content item. Previews and suggestions shown do not. */
export const USE_KINDS: readonly EventKind[] = ['insert', 'copy', 'copy_link', 'open_asset', 'expand_shortcut'];

/**
 * Free text, with any unpaired UTF-16 surrogate made U+FFFD. The panel cuts a query at 200
 * units and can halve an emoji; SQLite would store that as U+FFFD while the JSON payload kept
 * the lone half, so the stats and the stored event would disagree. One spelling for both.
 * NUL (U+0000) too: PostgreSQL text cannot hold it at all.
 */
const wellFormedText = (max: number) =>
  z
    .string()
    .max(max)
    .transform((s) => s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd').replaceAll('\u0000', '\ufffd'));

/**
 * A usage event. It names content, stage, site, page kind and timings; it never holds email
 * bodies, recipient addresses or prospect names (there is no field that could).
 */
export const usageEventSchema = z
  .object({
    id: z.string().uuid(),
    kind: eventKindSchema,
    /** When it happened, ISO 8601 with time zone. */
    at: z.string().datetime({ offset: true }),
    /** The rep's email as the extension knows it; the server replaces it with the token's user. */
    user: z.string().max(320).optional(),
    contentId: wellFormedText(120).optional(),
    contentType: z.optional(contentTypeSchema),
    /** The journey stage the rep was working in: the stage filter, else the inferred stage. */
    stage: z.optional(journeyStageSchema),
    /** Where the rep was; absent when the page is not a supported site. */
    site: z.optional(siteSchema),
    pageKind: z.optional(pageKindSchema),
    /** Search text; absent when the rep turned query logging off. */
    query: wellFormedText(200).optional(),
    resultCount: z.number().int().min(0).max(1_000_000).optional(),
    // Strict like the event itself: nothing rides along unseen (a recipient, say) and is dropped silently.
    filters: z
      .object({
        stages: z.array(journeyStageSchema).max(5).default([]),
        types: z.array(contentTypeSchema).max(10).default([]),
      })
      .strict()
      .optional(),
    /** Milliseconds from the first keystroke or panel open to this insert/copy. */
    timeToContentMs: z.number().int().min(0).max(86_400_000).optional(),
    /** The item was past its review date when used. */
    stale: z.boolean().optional(),
  })
  .strict();
export type UsageEvent = z.infer<typeof usageEventSchema>;
