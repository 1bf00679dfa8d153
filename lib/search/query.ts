import type { QueryWord } from './expansion';
import { findFacets } from './facets';
import { tokenise } from './normalise';

/** More words than this add nothing a rep would notice, only work. */
const MAX_WORDS = 24;
const ENDS_IN_WORD = /[\p{L}\p{N}]$/u;

export interface ParsedQuery {
  /** The words to match in the items' text, facet words excluded. */
  words: QueryWord[];
  /**
   * Words naming a content type or journey stage ("case study", "кейс"): an item of that type
   * or stage matches them whatever its text says; any other item matches them by its text.
   */
  facetWords: QueryWord[];
  /** Bits of the content types the query names (see `typeMask`); 0 for none. */
  facetTypes: number;
  /** Bits of the journey stages the query names (see `stageMask`); 0 for none. */
  facetStages: number;
  /** The query's words joined by spaces: equal to an item's title key means an exact title. */
  key: string;
}

/** Splits a query into distinct words; the last one is "being typed" unless a space or mark follows. */
export function parseQuery(query: string): ParsedQuery {
  const tokens = tokenise(query).slice(0, MAX_WORDS);
  const typingLast = tokens.length > 0 && ENDS_IN_WORD.test(query);
  const facets = findFacets(tokens);
  const words = new Map<string, QueryWord>();
  const facetWords = new Map<string, QueryWord>();
  tokens.forEach((text, i) => {
    const typing = typingLast && i === tokens.length - 1;
    const into = facets.taken.has(i) ? facetWords : words;
    const seen = into.get(text);
    if (seen) seen.typing ||= typing;
    else into.set(text, { text, typing });
  });
  for (const text of facetWords.keys()) words.delete(text);
  return {
    words: [...words.values()],
    facetWords: [...facetWords.values()],
    facetTypes: facets.types,
    facetStages: facets.stages,
    key: tokens.join(' '),
  };
}
