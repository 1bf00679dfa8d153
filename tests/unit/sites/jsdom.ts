import { createRequire } from 'node:module';

/*
 * jsdom ships without type declarations (and @types/jsdom is not installed); this is the small
 * typed surface the site and editor tests use.
 */
interface JsdomOptions {
  url?: string;
  runScripts?: 'dangerously' | 'outside-only';
  pretendToBeVisual?: boolean;
}
type JsdomConstructor = new (html: string, options?: JsdomOptions) => { window: Window & typeof globalThis };

export const JSDOM = (createRequire(import.meta.url)('jsdom') as { JSDOM: JsdomConstructor }).JSDOM;
