import { JOURNEY_STAGES, type ContentItem, type ContentType } from '../../../lib/schema/content';
import { XSS_PAYLOADS } from './browser-xss-payloads';

/*
 * A library whose every text field carries a hostile payload (browser-xss-payloads.ts): one
 * item per payload, its title, summary, subject and body each holding the payload tagged with
 * the field, so a payload that runs says where it came in. Templates (inserted as their body)
 * and assets (inserted as a link) alternate. Every item is in every stage, so whatever stage
 * a page suggests, they are all suggested.
 */

export const XSS_MARK = 'XSS';

const TYPES: ContentType[] = ['email_template', 'snippet', 'case_study', 'battlecard'];

export function hostileLibrary(): ContentItem[] {
  return XSS_PAYLOADS.map((p, i) => {
    const n = String(i + 1).padStart(2, '0');
    const type = TYPES[i % TYPES.length]!;
    const item: ContentItem = {
      id: `xss-${n}`,
      type,
      // The mark and number first: the title stays findable and under 300 characters.
      title: `${XSS_MARK} ${n} ${p.html(`title-${n}`)}`.slice(0, 300),
      stages: [...JOURNEY_STAGES],
      tags: ['xss'],
      summary: p.html(`summary-${n}`),
      owner: 'mallory@evil.test',
      body: `Hi {{first_name | there}},\n\n${p.html(`body-${n}`)}\n\nPlain line after the payload.\n`,
      ...(type === 'email_template' ? { subject: `Re ${p.html(`subject-${n}`)}`.slice(0, 500) } : {}),
      // An asset link a page could be tricked by: quotes and markup, still an http(s) URL.
      ...(type === 'case_study' ? { url: `https://example.com/case-${n}?q="><img src=x onerror=window.__xss('url-${n}')>` } : {}),
    };
    return item;
  });
}

/**
 * An item whose link is a `javascript:` URL. The server stores what it is given; the
 * extension's schema must refuse it, so it is never cached or shown.
 */
export function javascriptUrlItem(): ContentItem {
  return {
    id: 'xss-javascript-url',
    type: 'deck',
    title: `${XSS_MARK} javascript URL deck`,
    stages: [...JOURNEY_STAGES],
    tags: ['xss'],
    summary: 'Its link would run script when clicked.',
    owner: 'mallory@evil.test',
    body: '',
    url: "javascript:window.__xss('url-javascript')",
  };
}
