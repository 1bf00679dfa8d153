import type { SiteAdapter } from './adapter';
import { gmail } from './gmail';
import { hubspot } from './hubspot';
import { linkedin } from './linkedin';
import { outlook } from './outlook';
import { salesforce } from './salesforce';
import { salesnav } from './salesnav';

/** Every site adapter. A new site is one more entry here, its file, and its fixture. */
export const ADAPTERS: readonly SiteAdapter[] = [gmail, outlook, linkedin, salesnav, salesforce, hubspot];

/** The adapter serving this URL's host, or null (the page still gets search and copy). */
export function adapterFor(url: URL): SiteAdapter | null {
  return ADAPTERS.find((a) => a.matches(url)) ?? null;
}
