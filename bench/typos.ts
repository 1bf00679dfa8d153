import type { Random } from './random';

const QWERTY_NEIGHBOURS: Readonly<Record<string, string>> = {
  a: 'qwsz',
  b: 'vghn',
  c: 'xdfv',
  d: 'serfcx',
  e: 'wsdr',
  f: 'drtgvc',
  g: 'ftyhbv',
  h: 'gyujnb',
  i: 'ujko',
  j: 'huikmn',
  k: 'jiolm',
  l: 'kop',
  m: 'njk',
  n: 'bhjm',
  o: 'iklp',
  p: 'ol',
  q: 'wa',
  r: 'edft',
  s: 'awedxz',
  t: 'rfgy',
  u: 'yhji',
  v: 'cfgb',
  w: 'qase',
  x: 'zsdc',
  y: 'tghu',
  z: 'asx',
};
const CYRILLIC = 'абвгдежзийклмнопрстуфхцчшщыьэюя';

/** One edit as people make them: a neighbouring key, a dropped, doubled or swapped letter. */
export function typo(random: Random, word: string): string {
  // The first letter is rarely wrong, and a wrong first letter is how people spell a different word.
  const i = random.int(1, word.length - 1);
  const c = word[i]!;
  switch (random.int(0, 3)) {
    case 0: {
      const lower = c.toLowerCase();
      const pool = QWERTY_NEIGHBOURS[lower] ?? CYRILLIC;
      let sub = random.pick([...pool]);
      if (sub === lower) sub = pool[0] === lower ? pool[1]! : pool[0]!;
      return word.slice(0, i) + sub + word.slice(i + 1);
    }
    case 1:
      return word.slice(0, i) + word.slice(i + 1);
    case 2:
      return word.slice(0, i) + c + word.slice(i);
    default:
      if (i === word.length - 1 || word[i + 1] === c) return word.slice(0, i) + word.slice(i + 1);
      return word.slice(0, i) + word[i + 1] + c + word.slice(i + 2);
  }
}
