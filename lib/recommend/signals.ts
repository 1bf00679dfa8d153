import type { PageContext } from '../schema/page-context';
import { prospectOf } from '../templates/values';

/** Persona slugs the library uses, recognised from a job title or headline. Order matters: first match wins. */
const PERSONA_PATTERNS: readonly [RegExp, string][] = [
  [/\b(cfo|chief financial|finance director|director of finance|vp,? finance|head of finance|финансов)/i, 'cfo'],
  [/\b(ciso|chief information security|head of security|security officer)/i, 'ciso'],
  [/\b(coo|chief operating|операционный директор)/i, 'coo'],
  [/\b(cio|cto|it director|director of it|head of it|vp,? it|information technology|ит-директор)/i, 'it-director'],
  [/\benterprise architect/i, 'enterprise-architect'],
  [/\b(supply chain)/i, 'head-of-supply-chain'],
  [/\b(procurement|purchasing|sourcing|закуп)/i, 'procurement'],
  [/\b(quality)/i, 'quality-manager'],
  [/\b(fleet|автопарк)/i, 'fleet-manager'],
  [/\b(dispatch|диспетчер)/i, 'dispatcher'],
  [/\b(logistics|transport|логист)/i, 'logistics-director'],
  [/\b(operations|ops\b|операци)/i, 'vp-operations'],
  [/\b(customer experience|cx\b)/i, 'head-of-customer-experience'],
  [/\b(sustainability|esg)/i, 'sustainability-lead'],
];

export function personaOf(title: string | undefined): string | undefined {
  if (!title) return undefined;
  // "VP Operations at Northwind Logistics | Speaker": the role is before the employer.
  const role = title.split(/\s+(?:at|@|в)\s+|\s+[|·•]\s+/i)[0] ?? title;
  return PERSONA_PATTERNS.find(([re]) => re.test(role))?.[1];
}

/** Industry slugs the library uses, recognised from words on the page. */
const INDUSTRY_PATTERNS: readonly [RegExp, string][] = [
  [/\b(cold[- ]chain|refrigerat|temperature[- ]controlled|frozen|холод)/i, 'cold-chain'],
  [/\b(food|beverage|grocery|drinks|produce|foodservice|продукт|напит)/i, 'food-distribution'],
  [/\b(pharma|healthcare|medical|hospital|health|медицин|фарм)/i, 'healthcare'],
  [/\b(e-?commerce|parcel|online retail|marketplace)/i, 'ecommerce'],
  [/\b(retail|stores?|merchandis|ритейл|розниц)/i, 'retail'],
  [/\b(construction|building materials|aggregates|cement|строит)/i, 'construction'],
  [/\b(field service|hvac|maintenance|installation)/i, 'field-services'],
  [/\b(automotive|auto parts|car parts|dealership|автомоб)/i, 'automotive'],
  [/\b(manufactur|industrial|factory|plant|производ)/i, 'manufacturing'],
  [/\b(logistic|3pl|freight|transport|trucking|haulage|shipping|distribution|supply chain|логист|перевоз)/i, 'logistics'],
];

export function industriesIn(text: string | undefined): string[] {
  if (!text) return [];
  return INDUSTRY_PATTERNS.filter(([re]) => re.test(text)).map(([, slug]) => slug);
}

export interface PageSignals {
  industries: string[];
  persona: string | undefined;
  /** Lower-cased words of the company name and headline, to match item tags. */
  words: string[];
}

/** Industry, persona and company words the page shows, for matching items' fields and tags. */
export function pageSignals(context: PageContext | undefined): PageSignals {
  if (!context?.supported) return { industries: [], persona: undefined, words: [] };
  const person = prospectOf(context);
  const fromIndustry = industriesIn(context.industry);
  // The rep's own lists (Sales Navigator: "Cold-chain accounts") segment by industry too.
  const industries =
    fromIndustry.length > 0 ? fromIndustry : industriesIn([context.company, person?.title, ...(context.lists ?? [])].filter(Boolean).join(' '));
  const words = [context.company, context.industry]
    .filter((s): s is string => Boolean(s))
    .join(' ')
    .toLowerCase()
    .split(/[^\p{L}\p{N}-]+/u)
    .filter((w) => w.length >= 3);
  return { industries: [...new Set(industries)], persona: personaOf(person?.title), words: [...new Set(words)] };
}
