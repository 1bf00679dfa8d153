import DOMPurify from 'dompurify';

const CONFIG = {
  ALLOWED_TAGS: [
    'a',
    'b',
    'blockquote',
    'br',
    'code',
    'del',
    'div',
    'em',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'hr',
    'i',
    'li',
    'ol',
    'p',
    'pre',
    's',
    'span',
    'strong',
    'table',
    'tbody',
    'td',
    'th',
    'thead',
    'tr',
    'u',
    'ul',
  ],
  ALLOWED_ATTR: ['href', 'title', 'class', 'data-variable'],
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|tel:)/i,
};

/**
 * Sanitises content HTML before it reaches a host page or an extension page: no scripts, no
 * event handlers, no `javascript:`/`data:` links, no styles, no forms or embeds. Needs a DOM.
 */
export function sanitizeHtml(html: string, win: Window & typeof globalThis = window): string {
  return DOMPurify(win).sanitize(html, CONFIG);
}

/**
 * The same sanitising, handing back nodes instead of markup: for code that puts content into a
 * page node by node, so no HTML string is ever parsed into the page outside the sanitiser.
 */
export function sanitizeToFragment(html: string, win: Window & typeof globalThis = window): DocumentFragment {
  return DOMPurify(win).sanitize(html, { ...CONFIG, RETURN_DOM_FRAGMENT: true });
}
