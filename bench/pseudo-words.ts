import type { Random } from './random';

const LATIN_ONSETS = `b c d f g h j k l m n p r s t v w z bl br ch cl cr dr fl fr gl gr pl pr sc sh sk sl sp st str th tr`.split(' ');
const LATIN_VOWELS = `a e i o u a e i o ea ou ai io`.split(' ');
const LATIN_CODAS = `n r s t l m nd nt rt st ck ng x`.split(' ');
const CYRILLIC_ONSETS = `б в г д ж з к л м н п р с т ф х ц ч ш щ бр вл гр др кр пр ст тр`.split(' ');
const CYRILLIC_VOWELS = `а е и о у ы я ю ё`.split(' ');
const CYRILLIC_CODAS = `н р с т л м к в й`.split(' ');

function word(random: Random, onsets: string[], vowels: string[], codas: string[]): string {
  // One to three syllables: the length profile of real vocabulary (most words 5–9 letters).
  const u = random.next();
  const syllables = u < 0.25 ? 1 : u < 0.7 ? 2 : 3;
  let w = '';
  for (let i = 0; i < syllables; i++) {
    w += random.pick(onsets) + random.pick(vowels);
    if (random.chance(0.3)) w += random.pick(codas);
  }
  return w;
}

/**
 * A long tail of made-up but pronounceable words: real libraries have tens of thousands of
 * distinct words (products, places, jargon), and the index must cope with that vocabulary.
 */
export function pseudoWords(random: Random, count: number, cyrillic = false): string[] {
  const seen = new Set<string>();
  const [onsets, vowels, codas] = cyrillic ? [CYRILLIC_ONSETS, CYRILLIC_VOWELS, CYRILLIC_CODAS] : [LATIN_ONSETS, LATIN_VOWELS, LATIN_CODAS];
  while (seen.size < count) {
    const w = word(random, onsets, vowels, codas);
    if (w.length >= 3) seen.add(w);
  }
  return [...seen];
}
