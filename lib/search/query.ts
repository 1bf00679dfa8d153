import type { QueryWord } from './expansion';
import { tokenise } from './normalise';

/** More words than this add nothing a rep would notice, only work. */
const MAX_WORDS = 24;
const ENDS_IN_WORD = /[\p{L}\p{N}]$/u;

export interface ParsedQuery {
  words: QueryWord[];
  /** The query's words joined by spaces: equal to an item's title key means an exact title. */
  key: string;
}

/** Splits a query into distinct words; the last one is "being typed" unless a space or mark follows. */
export function parseQuery(query: string): ParsedQuery {
  const tokens = tokenise(query).slice(0, MAX_WORDS);
  const typingLast = tokens.length > 0 && ENDS_IN_WORD.test(query);
  const words = new Map<string, QueryWord>();
  tokens.forEach((text, i) => {
    const typing = typingLast && i === tokens.length - 1;
    const seen = words.get(text);
    if (seen) seen.typing ||= typing;
    else words.set(text, { text, typing });
  });
  return { words: [...words.values()], key: tokens.join(' ') };
}
