import { z } from 'zod';
import { findUnknownVariables } from '../templates/variables';
import { contentTypeSchema, JOURNEY_STAGES, journeyStageSchema, type ContentType } from './vocabulary';

// Defined with the other fixed words of the domain; re-exported for the modules that read items.
export { CONTENT_TYPES, contentTypeSchema, JOURNEY_STAGES, journeyStageSchema } from './vocabulary';
export type { ContentType, JourneyStage } from './vocabulary';

/** Types whose body is what gets inserted; every other type is an asset inserted as a link. */
export const INSERTABLE_TYPES: readonly ContentType[] = ['email_template', 'snippet'];
export function isTemplateType(type: ContentType): boolean {
  return INSERTABLE_TYPES.includes(type);
}

const MAX_TEXT = 200_000;

const slug = z
  .string()
  .min(1, 'must not be empty')
  .max(120, 'must be at most 120 characters')
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a slug: lowercase letters, digits and single hyphens');

const label = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(60, 'must be at most 60 characters')
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u, 'must be a single word of letters, digits, dots, dashes or underscores');

/** A calendar date, YYYY-MM-DD, that really exists. */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, 'is not a real calendar date');

/** Only web links: a `javascript:` or `data:` URL must never reach a page. */
export const webUrlSchema = z
  .string()
  .max(2048, 'must be at most 2048 characters')
  .refine((s) => {
    try {
      const u = new URL(s);
      return u.protocol === 'https:' || u.protocol === 'http:';
    } catch {
      return false;
    }
  }, 'must be an http(s) URL');

const textWithVariables = (max: number) =>
  z
    .string()
    .max(max, `must be at most ${max} characters`)
    .superRefine((text, ctx) => {
      for (const name of findUnknownVariables(text)) {
        ctx.addIssue({ code: 'custom', message: `uses unknown variable {{${name}}}` });
      }
    });

/** The front matter of a content file, and the fields of a content item other than its body. */
export const contentMetaSchema = z
  .object({
    id: slug,
    type: contentTypeSchema,
    title: z.string().trim().min(1, 'must not be empty').max(300, 'must be at most 300 characters'),
    stages: z
      .array(journeyStageSchema)
      .min(1, 'must name at least one journey stage')
      .transform((stages) => JOURNEY_STAGES.filter((s) => stages.includes(s))),
    tags: z.array(label).max(30, 'must list at most 30 tags').default([]),
    industries: z.array(label).max(30).optional(),
    personas: z.array(label).max(30).optional(),
    summary: z.string().trim().max(1000, 'must be at most 1000 characters').default(''),
    url: webUrlSchema.optional(),
    subject: textWithVariables(500).optional(),
    shortcut: z
      .string()
      .regex(/^[\p{L}\p{N}_-]{1,40}$/u, 'must be 1-40 letters, digits, dashes or underscores')
      .transform((s) => s.toLowerCase())
      .optional(),
    owner: z.string().trim().min(1, 'must not be empty').max(200),
    review_by: isoDateSchema.optional(),
    expires: isoDateSchema.optional(),
    /** `false`: reps cannot send this item as a share link (an admin's per-item switch). */
    shareable: z.boolean().optional(),
  })
  .strict();

export const contentItemSchema = contentMetaSchema.extend({
  body: textWithVariables(MAX_TEXT),
});
export type ContentItem = z.infer<typeof contentItemSchema>;
/** What a content file or an API client may write: defaults not yet applied. */
export type ContentItemInput = z.input<typeof contentItemSchema>;

/**
 * A content item as the library server serves it: the item plus its version. Unlike a content
 * file, whose unknown front matter is an author's typo to report, a field this client does
 * not know is dropped: a newer server adding one must not make older extensions skip items.
 */
export const libraryItemSchema = z.object({
  ...contentItemSchema.shape,
  version: z.number().int().nonnegative(),
  updated_at: z.string().max(40),
});
export type LibraryItem = z.infer<typeof libraryItemSchema>;

/** A date only: the governance checks compare calendar days, in UTC. */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export function isExpired(item: Pick<ContentItem, 'expires'>, today: string = todayIso()): boolean {
  return item.expires !== undefined && item.expires < today;
}

export function isStale(item: Pick<ContentItem, 'review_by'>, today: string = todayIso()): boolean {
  return item.review_by !== undefined && item.review_by < today;
}
