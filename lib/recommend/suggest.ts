import type { StoredItem } from '../db';
import { isExpired, isStale, isTemplateType, type JourneyStage } from '../schema/content';
import type { PageContext } from '../schema/page-context';
import type { SearchHit, SearchOptions } from '../search';
import type { Reason, StageReason } from './reasons';
import { pageSignals } from './signals';

export interface Suggestion {
  id: string;
  score: number;
  /** In order of weight; the stage reason first when there is one. */
  reasons: Reason[];
}

export interface SuggestInput {
  /** The search engine, sync or through a worker; `null` means the search was superseded. */
  search(query: string, options: SearchOptions): Promise<SearchHit[] | null> | SearchHit[] | null;
  /** The stored items of these ids, in order. */
  getItems(ids: string[]): Promise<(StoredItem | undefined)[]> | (StoredItem | undefined)[];
  context: PageContext | undefined;
  /** The stage to suggest for: the rep's choice, else the inferred one. */
  stage: JourneyStage | null;
  /** Why that stage, when it was inferred from the page. */
  stageReason: StageReason | null;
  today: string;
  limit?: number;
}

/** How many of the stage's items are weighed: the engine's order already puts used, fresh content first. */
export const SUGGESTION_POOL = 300;

const WEIGHT = { stage: 2, industry: 2, persona: 1.5, tag: 0.5, keyword: 1, fitsPage: 0.75, stale: -1.5 };

/** Would this kind of item go into this page's editor naturally? */
function fitsPage(item: StoredItem, context: PageContext | undefined): boolean {
  if (!context?.supported) return false;
  if (context.site === 'linkedin') return item.type === 'snippet' || item.type === 'case_study';
  // An InMail has a subject and a body: templates fit as well as on LinkedIn.
  if (context.site === 'salesnav') return isTemplateType(item.type) || item.type === 'case_study';
  if (context.site === 'gmail' || context.site === 'outlook') return isTemplateType(item.type);
  return item.type === 'email_template';
}

/**
 * Ranks the library for the page: items of the stage, then industry, persona and company words
 * of the page against the items' industries, personas and tags. It uses the search engine, so
 * recently and frequently used content breaks ties as it does in search. Expired items are never
 * suggested; stale ones sink.
 */
export async function suggest({ search, getItems, context, stage, stageReason, today, limit = 5 }: SuggestInput): Promise<Suggestion[] | null> {
  const signals = pageSignals(context);
  if (!stage && signals.industries.length === 0 && !signals.persona) return [];
  const stages = stage ? [stage] : [];
  const keywords = [...signals.industries, ...signals.words].join(' ');
  // The engine's empty-query order already puts used and fresh content first.
  const [pool, keywordHits] = await Promise.all([search('', { stages, limit: SUGGESTION_POOL }), keywords ? search(keywords, { stages, limit: 30 }) : []]);
  if (pool === null || keywordHits === null) return null;
  const keywordRank = new Map(keywordHits.map((h, i) => [h.id, i] as const));
  const items = await getItems(pool.map((h) => h.id));
  const out: (Suggestion & { order: number })[] = [];
  items.forEach((item, order) => {
    if (!item || isExpired(item, today)) return;
    const reasons: Reason[] = [];
    let score = 0;
    let specific = false;
    if (stage && stageReason && stageReason.stage === stage) reasons.push(stageReason);
    if (stage) score += WEIGHT.stage;
    const industry = item.industries?.find((i) => signals.industries.includes(i));
    if (industry) {
      score += WEIGHT.industry;
      reasons.push({ kind: 'industry', value: industry });
      specific = true;
    }
    if (signals.persona && item.personas?.includes(signals.persona)) {
      score += WEIGHT.persona;
      reasons.push({ kind: 'persona', value: signals.persona });
      specific = true;
    }
    const tag = item.tags.find((t) => signals.words.includes(t) || signals.industries.includes(t));
    if (tag && tag !== industry) {
      score += WEIGHT.tag;
      reasons.push({ kind: 'tag', value: tag });
      specific = true;
    }
    const rank = keywordRank.get(item.id);
    if (rank !== undefined) score += WEIGHT.keyword * (1 - rank / 30);
    if (fitsPage(item, context)) score += WEIGHT.fitsPage;
    if (isStale(item, today)) score += WEIGHT.stale;
    if (!stage && !specific) return;
    out.push({ id: item.id, score, reasons, order });
  });
  return out
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, limit)
    .map(({ id, score, reasons }) => ({ id, score, reasons }));
}
