import type { PageContext, Person } from '../schema/page-context';
import type { Profile } from '../settings';
import type { VariableValues } from './render';

function splitName(full: string): { first?: string; last?: string } {
  const words = full.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return {};
  return { first: words[0], last: words.length > 1 ? words.slice(1).join(' ') : undefined };
}

/** The person the content is for: the page's prospect, else the first recipient. */
export function prospectOf(context: PageContext | undefined): Person | undefined {
  return context?.person ?? context?.recipients?.[0];
}

/** Template variable values from what the page shows and the rep's own profile. */
export function variableValues(context: PageContext | undefined, profile: Profile | undefined): VariableValues {
  const person = prospectOf(context);
  const fullName = person?.fullName ?? ([person?.firstName, person?.lastName].filter(Boolean).join(' ') || undefined);
  const mine = splitName(profile?.fullName ?? '');
  const values: VariableValues = {
    first_name: person?.firstName ?? (fullName ? splitName(fullName).first : undefined),
    last_name: person?.lastName ?? (fullName ? splitName(fullName).last : undefined),
    full_name: fullName,
    email: person?.email,
    company: context?.company,
    title: person?.title,
    deal_name: context?.deal?.name,
    deal_stage: context?.deal?.stage,
    'my.first_name': mine.first,
    'my.last_name': mine.last,
    'my.full_name': profile?.fullName || undefined,
    'my.email': profile?.email || undefined,
    'my.title': profile?.title || undefined,
    'my.company': profile?.company || undefined,
  };
  for (const key of Object.keys(values) as (keyof VariableValues)[]) {
    if (!values[key]?.trim()) delete values[key];
  }
  return values;
}
