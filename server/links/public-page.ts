import { Marked, type Tokens } from 'marked';
import type { ContentItem } from '../../lib/schema/content';
import { escapeHtml } from '../../lib/templates/render';
import { parseTemplate } from '../../lib/templates/variables';

/*
 * The pages a prospect sees at /s/<slug>: an item's body as a clean, read-only page, and the
 * polite and plain answers for links that no longer or never led anywhere. The server has no
 * DOM to run DOMPurify in, so the Markdown is rendered safe by construction: raw HTML in a
 * body is shown as text, links and images keep only http(s)/mailto addresses, and images are
 * shown as their alt text (no request leaves the page). A strict Content-Security-Policy
 * (no script at all) stands behind that.
 */

/** Sent with every page here: nothing runs, nothing loads, nobody frames it. */
export const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const SAFE_URL = /^(?:https?:|mailto:)/i;

const md = new Marked({ gfm: true, breaks: false, async: false });
md.use({
  renderer: {
    html(token: Tokens.HTML | Tokens.Tag) {
      return escapeHtml(token.text);
    },
    link(token: Tokens.Link) {
      const text = this.parser.parseInline(token.tokens);
      if (!SAFE_URL.test(token.href.trim())) return text;
      return `<a href="${escapeHtml(token.href.trim())}" rel="noopener noreferrer nofollow">${text}</a>`;
    },
    image(token: Tokens.Image) {
      return escapeHtml(token.text);
    },
  },
});

/** An item's body as safe HTML: variables take their fallback, or nothing (no prospect data here). */
export function bodyHtml(body: string): string {
  const source = parseTemplate(body)
    .map((part) => (part.kind === 'text' ? part.text : (part.fallback ?? '')))
    .join('');
  return md.parse(source, { async: false }) as string;
}

function page(title: string, main: string, org?: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>
body{margin:0;font:16px/1.6 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2433;background:#f6f7f9}
header{background:#1d2433;color:#fff;padding:12px 24px;font-weight:600;letter-spacing:.02em}
main{max-width:720px;margin:32px auto;padding:32px;background:#fff;border-radius:8px;box-shadow:0 1px 3px rgba(0,0,0,.08)}
h1{font-size:1.7em;line-height:1.25;margin-top:0}
a{color:#2357c6}
pre{overflow:auto;background:#f2f3f5;padding:12px}
table{border-collapse:collapse}td,th{border:1px solid #d5d9e0;padding:4px 8px}
footer{max-width:720px;margin:0 auto 32px;color:#6b7280;font-size:.85em;text-align:center}
</style>
</head>
<body>
<header>${escapeHtml(org ?? 'Quiver')}</header>
<main>
${main}
</main>
<footer>Shared with Quiver</footer>
</body>
</html>
`;
}

/** The read-only page of an item's body, branded with the org's name. */
export function itemPage(item: Pick<ContentItem, 'title' | 'summary' | 'body'>, orgName: string): string {
  return page(item.title, `<article>\n<h1>${escapeHtml(item.title)}</h1>\n${bodyHtml(item.body)}</article>`, orgName);
}

/** 410: the link existed and no longer leads anywhere. Polite, and no detail about why. */
export function gonePage(): string {
  return page(
    'This link is no longer available',
    '<h1>This link is no longer available</h1>\n<p>The content it pointed to has expired or was withdrawn. If you still need it, please ask the person who sent it to you for a new link.</p>',
  );
}

/** 404: the same for every unknown slug, whether or not anything like it ever existed. */
export function notFoundPage(): string {
  return page('Not found', '<h1>Not found</h1>\n<p>There is nothing at this address.</p>');
}

/** 429: too many requests from one network in a minute. */
export function slowDownPage(): string {
  return page('Too many requests', '<h1>Too many requests</h1>\n<p>Please wait a minute and try again.</p>');
}
