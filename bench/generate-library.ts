import type { StoredItem } from '../lib/db';
import { CONTENT_TYPES, JOURNEY_STAGES, type ContentType, type JourneyStage } from '../lib/schema/content';
import { pseudoWords } from './pseudo-words';
import { Random } from './random';
import {
  CITIES,
  COMMON_WORDS,
  COMPANY_SUFFIXES,
  FIRST_NAMES,
  INDUSTRIES,
  PERSONAS,
  RUSSIAN_NAMES,
  RUSSIAN_WORDS,
  SALES_WORDS,
  SURNAMES,
  TAGS,
} from './word-lists';

/** The words a generated library is made of; shared by every library size of one run. */
export interface Lexicon {
  /** Running-text words, most frequent first (Zipf picks favour the front). */
  bodyWords: string[];
  /** Words that make titles specific: sales jargon and the long tail. */
  topics: string[];
  russianWords: string[];
  /** Made-up Cyrillic names for Russian customers. */
  russianCompanies: string[];
  products: string[];
  competitors: string[];
}

export function buildLexicon(seed: number): Lexicon {
  const random = new Random(seed);
  const tail = pseudoWords(random, 40_000);
  const cyrillic = pseudoWords(random, 4_000, true);
  return {
    bodyWords: [...COMMON_WORDS, ...SALES_WORDS, ...tail],
    topics: [...SALES_WORDS, ...tail.slice(0, 25_000)],
    russianWords: [...RUSSIAN_WORDS, ...cyrillic],
    russianCompanies: cyrillic.slice(0, 2_000).map(cap),
    products: tail.slice(30_000, 30_030).map(cap),
    competitors: tail.slice(30_100, 30_140).map(cap),
  };
}

/** Shares of content types in a large team's library: mostly emails and long-form assets. */
const TYPE_MIX: ReadonlyArray<readonly [ContentType, number]> = [
  ['email_template', 0.3],
  ['snippet', 0.08],
  ['case_study', 0.14],
  ['deck', 0.08],
  ['one_pager', 0.08],
  ['battlecard', 0.06],
  ['guide', 0.1],
  ['ebook', 0.04],
  ['video', 0.05],
  ['playbook', 0.07],
];

/** Body length in words by type: emails 80–250, case studies and guides 400–1,500. */
function bodyLength(random: Random, type: ContentType): number {
  switch (type) {
    case 'email_template':
      return random.int(80, 250);
    case 'snippet':
      return random.int(30, 120);
    case 'case_study':
    case 'guide':
    case 'ebook':
    case 'playbook':
      return random.int(400, 1500);
    default:
      return random.int(150, 600);
  }
}

function pickType(random: Random): ContentType {
  let u = random.next();
  for (const [type, share] of TYPE_MIX) {
    if ((u -= share) < 0) return type;
  }
  return CONTENT_TYPES[0];
}

const slugify = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

function dateAfter(random: Random, from: string, maxDays: number): string {
  const t = Date.parse(`${from}T00:00:00Z`) + random.int(0, maxDays) * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

class ItemWriter {
  constructor(
    private readonly random: Random,
    private readonly lex: Lexicon,
    private readonly companies: string[],
  ) {}

  item(index: number): StoredItem {
    const r = this.random;
    const russian = r.chance(0.05);
    const type = pickType(r);
    const company = russian ? this.russianCompany() : r.pick(this.companies);
    const title = russian ? this.russianTitle(company) : this.title(type, company);
    const words = (n: number) => this.text(n, russian, title, company);
    const stages = r.sample(JOURNEY_STAGES, r.int(1, 3)) as JourneyStage[];
    const tags = r.sample(TAGS, r.int(2, 6)).map((t) => t);
    if (r.chance(0.3)) tags[tags.length - 1] = slugify(company).slice(0, 60) || 'customer';
    if (russian) tags[0] = 'ru';
    const item: StoredItem = {
      id: `${type.replace('_', '-')}-${index}`,
      type,
      title,
      stages: JOURNEY_STAGES.filter((s) => stages.includes(s)),
      tags: [...new Set(tags)],
      industries: r.chance(0.6) ? [r.pick(INDUSTRIES)] : undefined,
      personas: r.chance(0.5) ? [r.pick(PERSONAS)] : undefined,
      summary: words(r.int(20, 40)),
      owner: `${slugify(r.pick(FIRST_NAMES))}@example.com`,
      body: words(bodyLength(r, type)),
      version: r.int(1, 20),
      updated_at: `${dateAfter(r, '2024-01-01', 700)}T09:00:00Z`,
    };
    if (r.chance(0.7)) item.review_by = dateAfter(r, '2025-03-01', 900);
    if (r.chance(0.05)) item.expires = dateAfter(r, '2025-06-01', 900);
    if ((type === 'email_template' || type === 'snippet') && r.chance(0.25)) {
      item.shortcut = `${slugify(r.pick(this.lex.topics))}${index % 97}`.slice(0, 40);
    }
    if (type === 'email_template') item.subject = `Idea for {{company}}: ${r.pick(this.lex.topics)}`;
    return item;
  }

  private topic(): string {
    return this.random.pick(this.lex.topics);
  }

  private title(type: ContentType, company: string): string {
    const r = this.random;
    const t = () => this.topic();
    const product = r.pick(this.lex.products);
    const titles: Record<ContentType, () => string> = {
      case_study: () => `How ${company} cut ${t()} ${t()} ${r.int(5, 60)}% in ${r.pick(CITIES)}`,
      email_template: () =>
        r.pick([
          `Follow-up after the ${t()} ${t()} call with ${r.pick(FIRST_NAMES)}`,
          `Cold intro on ${t()} ${t()} for ${r.pick(INDUSTRIES)} teams`,
          `Breakup email for ${t()} ${t()} prospects at ${company}`,
        ]),
      snippet: () => `${cap(t())} answer about ${t()} and ${t()}`,
      deck: () => `${product} ${t()} deck for ${r.pick(INDUSTRIES)} ${r.pick(PERSONAS)} meetings`,
      one_pager: () => `${product} one pager on ${t()} ${t()} at a glance`,
      battlecard: () => `Battlecard ${r.pick(this.lex.competitors)} versus ${product} on ${t()} and ${t()}`,
      guide: () => `Guide to ${t()} ${t()} for ${r.pick(INDUSTRIES)} ${r.pick(PERSONAS)} leaders`,
      ebook: () => `The ${t()} ${t()} handbook for ${r.pick(INDUSTRIES)} leaders in ${r.pick(CITIES)}`,
      video: () => `Video walkthrough of ${product} ${t()} and ${t()} with ${company}`,
      playbook: () => `${cap(r.pick(JOURNEY_STAGES))} playbook for ${t()} ${t()} deals in ${r.pick(CITIES)}`,
    };
    return titles[type]();
  }

  private russianCompany(): string {
    const r = this.random;
    return `${r.pick(this.lex.russianCompanies)}${r.pick(['Лайн', 'Транс', 'Снаб', 'Логистик'])}`;
  }

  private russianTitle(company: string): string {
    const r = this.random;
    const w = () => r.pick(this.lex.russianWords);
    return `${company}: ${w()} ${w()} −${r.int(5, 40)}% и ${w()} за ${r.int(2, 60)} минут (RU)`;
  }

  /** Running text: Zipf-distributed words with names, the company and title words mixed in. */
  private text(count: number, russian: boolean, title: string, company: string): string {
    const r = this.random;
    const titleWords = title.split(' ');
    const pool = russian ? this.lex.russianWords : this.lex.bodyWords;
    const out: string[] = [];
    for (let i = 0; i < count; i++) {
      const u = r.next();
      if (u < 0.02) out.push(company);
      else if (u < 0.04) out.push(r.pick(titleWords));
      else if (u < 0.05) out.push(russian ? r.pick(RUSSIAN_NAMES) : `${r.pick(FIRST_NAMES)} ${r.pick(SURNAMES)}`);
      else if (u < 0.055) out.push('{{first_name | there}}');
      else out.push(r.zipf(pool));
      if (i % 14 === 13) out[out.length - 1] += '.';
    }
    return out.join(' ');
  }
}

const cap = (w: string) => w[0]!.toUpperCase() + w.slice(1);

/** A library of `count` items; the same seed and lexicon always give the same library. */
export function generateLibrary(count: number, seed: number, lex: Lexicon): StoredItem[] {
  const random = new Random(seed);
  const companies: string[] = [];
  const tail = lex.bodyWords.slice(COMMON_WORDS.length + SALES_WORDS.length);
  for (let i = 0; i < Math.max(50, count / 4); i++) {
    companies.push(`${cap(random.pick(tail))} ${random.pick(COMPANY_SUFFIXES)}`);
  }
  const writer = new ItemWriter(random, lex, companies);
  return Array.from({ length: count }, (_, i) => writer.item(i));
}
