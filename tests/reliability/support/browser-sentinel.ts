import type { BrowserContext, Page } from 'playwright-core';
import { DANGEROUS_SELECTORS, EVIL_ORIGIN } from './browser-xss-payloads';

/*
 * Tripwires for hostile content (browser-xss-payloads.ts): a sentinel function a payload calls
 * when it runs, the page title it sets, requests to evil.test it makes, and the Content
 * Security Policy violations an extension page reports when it blocks an inline handler or
 * script (then the CSP held, but dangerous markup reached the DOM: the sanitiser did not).
 */

export interface Tripwires {
  /** `<where>` of every payload that ran. */
  ran: string[];
  /** The page title, if a payload set it. */
  title: string | null;
  /** CSP violations of elements in the page (extension pages): dangerous markup went live. */
  cspViolations: string[];
}

/** Arms the sentinel in the page's main world (where markup put in the DOM would run). */
export async function armSentinel(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __xss(where: string): void; __xssRan: string[]; __csp: string[] };
    w.__xssRan = [];
    w.__csp = [];
    w.__xss = (where) => void w.__xssRan.push(String(where));
    // Only violations of live elements: Chromium also reports handler attributes met while
    // parsing into an inert document (a sanitiser's DOMParser), targeted at the document.
    document.addEventListener('securitypolicyviolation', (e) => {
      if (e.target instanceof Element) w.__csp.push(`${e.violatedDirective} <${e.target.localName}> ${e.blockedURI}`.trim());
    });
  });
}

export async function readTripwires(page: Page): Promise<Tripwires> {
  return page.evaluate(() => {
    const w = window as unknown as { __xssRan?: string[]; __csp?: string[] };
    return { ran: w.__xssRan ?? [], title: document.title.startsWith('XSS') ? document.title : null, cspViolations: w.__csp ?? [] };
  });
}

/** Records every request to evil.test from any page of the context (and refuses it). */
export async function watchEvilRequests(context: BrowserContext): Promise<string[]> {
  const seen: string[] = [];
  await context.route(`${EVIL_ORIGIN}/**`, (route) => {
    seen.push(route.request().url());
    return route.abort('blockedbyclient');
  });
  return seen;
}

/**
 * Dangerous markup found inside the containers `selector` names: elements DANGEROUS_SELECTORS
 * names, and any `on*` attribute. With `shadowHost`, the containers are looked for in that
 * element's shadow root (the palette's). Throws when the shadow root or any of the containers
 * (each part of a comma-separated selector) is missing or empty: markup that is not on the
 * page was not checked, and must not read as "nothing found".
 */
export async function dangerousMarkup(page: Page, selector: string, shadowHost?: string): Promise<string[]> {
  const { found, missing } = await page.evaluate(
    ([containers, dangerous, host]) => {
      const found: string[] = [];
      const scope: ParentNode | null | undefined = host ? document.querySelector(host)?.shadowRoot : document;
      if (!scope) return { found, missing: [`shadow root of ${host}`] };
      const missing = containers
        .split(',')
        .map((part) => part.trim())
        .filter((part) => ![...scope.querySelectorAll(part)].some((el) => el.childElementCount > 0 || (el.textContent ?? '').trim() !== ''));
      for (const container of scope.querySelectorAll(containers)) {
        for (const el of container.querySelectorAll(dangerous.join(','))) found.push(el.outerHTML.slice(0, 160));
        for (const el of [container, ...container.querySelectorAll('*')]) {
          for (const attr of el.getAttributeNames()) if (/^on/i.test(attr)) found.push(`${el.localName} ${attr}="${el.getAttribute(attr)?.slice(0, 80)}"`);
        }
      }
      return { found, missing };
    },
    [selector, DANGEROUS_SELECTORS, shadowHost ?? null] as const,
  );
  if (missing.length > 0) throw new Error(`dangerousMarkup: nothing to inspect, missing or empty: ${missing.join('; ')}`);
  return found;
}
