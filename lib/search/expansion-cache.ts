import { expandWord, type Expansion, type QueryWord } from './expansion';
import type { GramIndex } from './gram-index';
import type { Vocabulary } from './vocabulary';

const CAPACITY = 256;

/**
 * Expansions of recently typed words. Typing "quarterly fleet rev" one key at a time asks for
 * "quarterly" and "fleet" again on every keystroke; only the last word is new each time.
 * An expansion depends only on which terms are live, so a change to that set clears the cache.
 */
export class ExpansionCache {
  private readonly entries = new Map<string, Expansion>();
  private version = -1;

  get(word: QueryWord, vocab: Vocabulary, grams: GramIndex, inHead: (term: number) => boolean): Expansion {
    if (this.version !== vocab.liveVersion) {
      this.entries.clear();
      this.version = vocab.liveVersion;
    }
    const key = (word.typing ? '+' : '=') + word.text;
    let found = this.entries.get(key);
    if (found) {
      // Least recently used goes first: re-insert on every hit.
      this.entries.delete(key);
    } else {
      found = expandWord(word, vocab, grams, inHead);
      if (this.entries.size >= CAPACITY) this.entries.delete(this.entries.keys().next().value!);
    }
    this.entries.set(key, found);
    return found;
  }

  /** For a new vocabulary: its live versions start again from zero. */
  clear() {
    this.entries.clear();
    this.version = -1;
  }
}
