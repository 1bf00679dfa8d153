import fc from 'fast-check';

/*
 * Text an attacker, a broken client or an unlucky rep could put in any string field. None of
 * it contains "{{": template variables are judged by the content schema, and a payload that
 * happened to form one would change which cases are valid.
 */

/** Markup that would run if it reached a page unsanitised (the browser-side attacks check that). */
export const SCRIPT_PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  '<a href="javascript:alert(1)">click</a>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<style>@import "https://evil.test/x.css";</style>',
  '<div style="background:url(javascript:alert(1))">',
  '"><script>alert(document.cookie)</script>',
  "'-alert(1)-'",
  '<iframe srcdoc="<script>parent.alert(1)</script>">',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<form><button formaction=javascript:alert(1)>x',
  '${alert(1)}',
  '</textarea><script>alert(1)</script>',
] as const;

/** Characters that break naive code: direction overrides, zero-width, NUL, line separators. */
const TRICKY = ['\u202e', '\u200b', '\ufeff', '\u0000', '\u2028', '\u2029', '\r\n', '\t', '\\', '"', '😀', 'ﬀ', 'İ'] as const;

/** A string with an unpaired UTF-16 surrogate somewhere: what `text.slice(0, n)` makes of an emoji. */
export const loneSurrogateText = fc
  .tuple(fc.string({ maxLength: 20 }), fc.constantFrom('\ud800', '\udfff', '\ud83d', '\ude00'), fc.string({ maxLength: 20 }))
  .map(([a, s, b]) => `${a}${s}${b}`.replace(/\{\{/g, '{'));

/** Hostile text of at most `maxLength` UTF-16 units. */
export function hostileText(maxLength: number): fc.Arbitrary<string> {
  return fc
    .oneof(
      fc.string({ unit: 'grapheme', maxLength: Math.min(maxLength, 60) }),
      fc.string({ unit: 'binary', maxLength: Math.min(maxLength, 60) }),
      fc.constantFrom(...SCRIPT_PAYLOADS),
      fc.array(fc.constantFrom(...TRICKY, ...SCRIPT_PAYLOADS), { minLength: 1, maxLength: 6 }).map((parts) => parts.join(' ')),
      loneSurrogateText,
    )
    .map((text) => text.replace(/\{\{/g, '{').slice(0, maxLength));
}

/**
 * A string over a field's limit, cheap to make: at least `min` code points (zod counts a
 * string's length in code points, so an emoji is one), about `max` at most.
 */
export function hugeText(min: number, max: number): fc.Arbitrary<string> {
  return fc
    .tuple(fc.integer({ min, max }), fc.constantFrom('x', 'é', '😀', '<script>alert(1)</script>'))
    .map(([length, unit]) => unit.repeat(Math.ceil(length / [...unit].length)));
}

/** A plain identifier-like word, for field names and slugs. */
export const word = fc.stringMatching(/^[a-z][a-z0-9]{0,11}$/);
