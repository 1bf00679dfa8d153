import * as z from 'zod/mini';

/*
 * The fixed words of the domain: the buyer's journey and the kinds of content. Written with
 * zod's tree-shakeable build (zod/mini) because runtime messages carry them and the content
 * script must stay small; zod's classic schemas (content items, events, stats) compose with
 * them through the function forms (`z.optional(journeyStageSchema)`), as both share one core.
 */

/** The buyer's journey, in order. */
export const JOURNEY_STAGES = ['awareness', 'interest', 'engagement', 'conversion', 'advocacy'] as const;
export const journeyStageSchema = z.enum(JOURNEY_STAGES);
export type JourneyStage = z.infer<typeof journeyStageSchema>;

export const CONTENT_TYPES = ['email_template', 'snippet', 'case_study', 'deck', 'one_pager', 'battlecard', 'guide', 'ebook', 'video', 'playbook'] as const;
export const contentTypeSchema = z.enum(CONTENT_TYPES);
export type ContentType = z.infer<typeof contentTypeSchema>;
