import DOMPurify from 'dompurify';

/**
 * Sanitises content HTML before it reaches a host page or an extension page: no scripts, no
 * event handlers, no `javascript:`/`data:` links, no styles, no forms or embeds. Needs a DOM.
 */
export function sanitizeHtml(html: string, win: Window & typeof globalThis = window): string {
  const purify = DOMPurify(win);
  return purify.sanitize(html, {
    ALLOWED_TAGS: [
      'a', 'b', 'blockquote', 'br', 'code', 'del', 'div', 'em', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
      'hr', 'i', 'li', 'ol', 'p', 'pre', 's', 'span', 'strong', 'table', 'tbody', 'td', 'th',
      'thead', 'tr', 'u', 'ul',
    ],
    ALLOWED_ATTR: ['href', 'title', 'class', 'data-variable'],
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|tel:)/i,
  });
}
