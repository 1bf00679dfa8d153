import type { StoredItem } from '../lib/db';
import type { SearchOptions } from '../lib/search/types';
import { tokenise } from '../lib/search/normalise';
import { Random } from './random';
import { typo } from './typos';

export type QueryKind = 'exact title' | 'typo, 1 edit' | 'typo, 2 edits' | 'partial words' | 'several words' | 'tag' | 'shortcut' | 'cyrillic';

export interface LabelledQuery {
  kind: QueryKind;
  text: string;
  options: SearchOptions;
  /** The item a rep typing this is looking for. */
  expect: string;
}

/** How many queries of each kind; filters are added on top to a share of them. */
const MIX: ReadonlyArray<readonly [QueryKind, number]> = [
  ['exact title', 16],
  ['typo, 1 edit', 20],
  ['typo, 2 edits', 16],
  ['partial words', 20],
  ['several words', 20],
  ['tag', 12],
  ['shortcut', 6],
  ['cyrillic', 10],
];

const STOP = new Set('the of and for to in on at with a an by about after how vs versus into is'.split(' '));

/**
 * Words of a title a rep would remember and type: the most specific ones (a customer's name,
 * the topic), checked against the whole library so the query really points at its item.
 */
class TitleWords {
  private readonly df = new Map<string, number>();
  private readonly titles: string[][];
  constructor(items: readonly StoredItem[]) {
    this.titles = items.map((i) => tokenise(i.title));
    for (const words of this.titles) for (const w of new Set(words)) this.df.set(w, (this.df.get(w) ?? 0) + 1);
  }

  /** Original-case words of `item`'s title, rarest first, until few titles hold them all. */
  distinctive(item: StoredItem, index: number, random: Random): string[] {
    const original = item.title.split(/\s+/).filter((w) => tokenise(w).length === 1);
    const candidates = original
      .filter((w) => !STOP.has(tokenise(w)[0]!) && tokenise(w)[0]!.length >= 3)
      .sort((a, b) => this.df.get(tokenise(a)[0]!)! - this.df.get(tokenise(b)[0]!)! || random.next() - 0.5);
    const chosen: string[] = [];
    for (const word of candidates) {
      chosen.push(word);
      if (chosen.length >= 2 && this.sharing(chosen, index) <= 1) break;
    }
    // Keep the title's word order, as people recall it.
    return original.filter((w) => chosen.includes(w));
  }

  /** How many titles hold all these normalised words. */
  titlesWithAll(keys: string[], except = -1): number {
    let n = 0;
    this.titles.forEach((t, i) => {
      if (i !== except && keys.every((k) => t.includes(k))) n++;
    });
    return n;
  }

  private sharing(words: string[], except: number): number {
    return this.titlesWithAll(
      words.map((w) => tokenise(w)[0]!),
      except,
    );
  }
}

function withTypos(random: Random, words: string[], edits: number): string[] {
  const out = [...words];
  const long = out.map((w, i) => [w, i] as const).filter(([w]) => w.length >= 5);
  if (long.length === 0) return out;
  if (edits === 2) {
    const longest = long.reduce((a, b) => (b[0].length > a[0].length ? b : a));
    if (longest[0].length >= 8 || long.length === 1) {
      out[longest[1]] = typo(random, typo(random, longest[0]));
      return out;
    }
    const [a, b] = random.sample(long, 2);
    out[a![1]] = typo(random, a![0]);
    out[b![1]] = typo(random, b![0]);
    return out;
  }
  const [w, i] = random.pick(long);
  out[i] = typo(random, w);
  return out;
}

/** A labelled query set of at least 100 queries drawn from `items`, repeatable by seed. */
export function labelledQueries(items: readonly StoredItem[], seed: number): LabelledQuery[] {
  const random = new Random(seed);
  const words = new TitleWords(items);
  const indexOf = new Map(items.map((item, i) => [item.id, i]));
  const russian = items.filter((i) => i.tags.includes('ru'));
  const withShortcut = items.filter((i) => i.shortcut);
  const tagCount = new Map<string, number>();
  for (const i of items) for (const t of i.tags) tagCount.set(t, (tagCount.get(t) ?? 0) + 1);
  const rareTagged = items.filter((i) => i.tags.some((t) => t.includes('-') && tagCount.get(t)! <= 3));

  const queries: LabelledQuery[] = [];
  for (const [kind, count] of MIX) {
    for (let n = 0; n < count; n++) {
      const pool = kind === 'cyrillic' ? russian : kind === 'shortcut' ? withShortcut : kind === 'tag' ? rareTagged : items;
      const item = random.pick(pool.length > 0 ? pool : items);
      const index = indexOf.get(item.id)!;
      const key = words.distinctive(item, index, random);
      let text: string;
      switch (kind) {
        case 'exact title':
          text = item.title;
          break;
        case 'typo, 1 edit':
        case 'typo, 2 edits': {
          const whole = random.chance(0.5) ? item.title.split(/\s+/) : key;
          text = withTypos(random, whole, kind === 'typo, 1 edit' ? 1 : 2).join(' ');
          break;
        }
        case 'partial words':
          text = key.map((w) => w.slice(0, Math.max(3, Math.ceil(w.length * 0.6)))).join(' ');
          break;
        case 'several words':
          text = key.join(' ').toLowerCase();
          break;
        case 'tag': {
          const tag = item.tags.filter((t) => t.includes('-')).sort((a, b) => tagCount.get(a)! - tagCount.get(b)!)[0]!;
          // A customer's tag alone points at all of that customer's content: add a title word
          // unless the tag and its words belong to this item only.
          const tagWords = tokenise(tag);
          const alone = tagCount.get(tag) === 1 && words.titlesWithAll(tagWords) === 0;
          text = alone ? tag : `${tag} ${key[0] ?? ''}`.trim();
          break;
        }
        case 'shortcut':
          text = item.shortcut!;
          break;
        case 'cyrillic':
          text = (random.chance(0.5) ? withTypos(random, key, 1) : key).join(' ');
          break;
      }
      const options: SearchOptions = {};
      if (random.chance(0.4)) options.stages = [random.pick(item.stages)];
      if (random.chance(0.2)) options.types = [item.type];
      queries.push({ kind, text, options, expect: item.id });
    }
  }
  return queries;
}
