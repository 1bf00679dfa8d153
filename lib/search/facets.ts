import type { ContentType, JourneyStage } from '../schema/content';
import { stageMask, typeMask } from './doc-table';
import { tokenise } from './normalise';

/**
 * Query words that name a content type or a journey stage, in the languages the panel speaks:
 * "case study healthcare" asks for healthcare case studies, not for items whose text says
 * "case" and "study". Phrases are written as a rep types them; they are normalised like any
 * query (lowercase, ё→е), and Russian ones list the forms a rep types (кейс, кейсы, кейсов).
 */
const TYPE_PHRASES: Record<ContentType, readonly string[]> = {
  email_template: ['email template', 'email templates', 'template', 'templates', 'шаблон', 'шаблоны', 'шаблонов', 'шаблон письма', 'шаблоны писем'],
  snippet: ['snippet', 'snippets', 'фрагмент', 'фрагменты', 'фрагментов', 'сниппет', 'сниппеты'],
  case_study: ['case study', 'case studies', 'casestudy', 'customer story', 'customer stories', 'кейс', 'кейсы', 'кейсов', 'кейса'],
  deck: ['deck', 'decks', 'slides', 'presentation', 'presentations', 'презентация', 'презентации', 'презентаций', 'презентацию', 'слайды'],
  one_pager: ['one pager', 'one pagers', 'onepager', 'одностраничник', 'одностраничники', 'одностраничников'],
  battlecard: ['battlecard', 'battlecards', 'battle card', 'battle cards', 'батлкарта', 'батлкарты', 'батлкарт', 'батлкарту'],
  guide: ['guide', 'guides', 'руководство', 'руководства', 'руководств', 'гайд', 'гайды'],
  ebook: ['ebook', 'ebooks', 'e book', 'e books', 'электронная книга', 'электронные книги', 'книга', 'книги'],
  video: ['video', 'videos', 'видео', 'ролик', 'ролики'],
  playbook: ['playbook', 'playbooks', 'плейбук', 'плейбуки', 'плейбуков'],
};

const STAGE_PHRASES: Record<JourneyStage, readonly string[]> = {
  awareness: ['awareness', 'осведомленность', 'осведомленности'],
  interest: ['interest', 'интерес', 'интереса'],
  engagement: ['engagement', 'вовлеченность', 'вовлеченности', 'вовлечение'],
  conversion: ['conversion', 'конверсия', 'конверсии', 'конверсию'],
  advocacy: ['advocacy', 'адвокация', 'адвокации', 'лояльность'],
};

interface Facet {
  words: string[];
  types: number;
  stages: number;
}

let phrases: Facet[] | undefined;

/** Every phrase as normalised words, longest first, so "email template" wins over "template". */
function facetPhrases(): Facet[] {
  if (phrases) return phrases;
  const out: Facet[] = [];
  for (const [type, list] of Object.entries(TYPE_PHRASES)) {
    for (const p of list) out.push({ words: tokenise(p), types: typeMask([type as ContentType]), stages: 0 });
  }
  for (const [stage, list] of Object.entries(STAGE_PHRASES)) {
    for (const p of list) out.push({ words: tokenise(p), types: 0, stages: stageMask([stage as JourneyStage]) });
  }
  phrases = out.sort((a, b) => b.words.length - a.words.length);
  return phrases;
}

export interface QueryFacets {
  /** Bit per content type the query names (see `typeMask`); 0 for none. */
  types: number;
  /** Bit per journey stage the query names (see `stageMask`); 0 for none. */
  stages: number;
  /** Positions in the token list taken by a facet phrase. */
  taken: Set<number>;
}

/**
 * The types and stages a query's words name. Only whole words count: "dec", half of "deck",
 * names nothing yet.
 */
export function findFacets(tokens: readonly string[]): QueryFacets {
  const found: QueryFacets = { types: 0, stages: 0, taken: new Set() };
  const usable = tokens.length;
  for (let i = 0; i < usable; i++) {
    if (found.taken.has(i)) continue;
    for (const facet of facetPhrases()) {
      const n = facet.words.length;
      if (i + n > usable || facet.words.some((w, k) => tokens[i + k] !== w)) continue;
      found.types |= facet.types;
      found.stages |= facet.stages;
      for (let k = 0; k < n; k++) found.taken.add(i + k);
      break;
    }
  }
  return found;
}
