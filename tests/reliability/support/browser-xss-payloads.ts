/*
 * Markup that runs code, loads something, or restyles the page if it reaches a DOM unsanitised.
 * Each payload, when it fires, calls the sentinel `window.__xss(<where>)` and sets
 * `document.title`, or fetches from `evil.test` (CSS and resource loads, which the tests
 * route and count). `<where>` says which field and surface it was put in, so a hit names the
 * hole. None contains `{{` (the content schema reads that as a template variable).
 */

export const EVIL_ORIGIN = 'https://evil.test';

export interface XssPayload {
  name: string;
  kind: 'script' | 'event-handler' | 'javascript-url' | 'svg-mathml' | 'css' | 'mutation-xss' | 'embed';
  html(where: string): string;
}

const run = (where: string) => `window.__xss&&window.__xss('${where}');document.title='XSS ${where}'`;
const runAttr = (where: string) => run(where).replace(/'/g, '&#39;');

export const XSS_PAYLOADS: readonly XssPayload[] = [
  { name: 'script tag', kind: 'script', html: (w) => `<script>${run(w)}</script>` },
  { name: 'script in svg', kind: 'svg-mathml', html: (w) => `<svg><script>${run(w)}</script></svg>` },
  { name: 'img onerror', kind: 'event-handler', html: (w) => `<img src=x onerror="${runAttr(w)}">` },
  { name: 'svg onload', kind: 'event-handler', html: (w) => `<svg onload="${runAttr(w)}"></svg>` },
  { name: 'details ontoggle', kind: 'event-handler', html: (w) => `<details open ontoggle="${runAttr(w)}"><summary>x</summary></details>` },
  { name: 'autofocus onfocus', kind: 'event-handler', html: (w) => `<input autofocus onfocus="${runAttr(w)}">` },
  { name: 'body onload', kind: 'event-handler', html: (w) => `<body onload="${runAttr(w)}">` },
  { name: 'anchor javascript:', kind: 'javascript-url', html: (w) => `<a href="javascript:${runAttr(w)}">read more</a>` },
  { name: 'entity-encoded javascript:', kind: 'javascript-url', html: (w) => `<a href="jav&#x09;ascript&colon;${runAttr(w)}">details</a>` },
  { name: 'svg xlink javascript:', kind: 'svg-mathml', html: (w) => `<svg><a xlink:href="javascript:${runAttr(w)}"><text x="10" y="20">open</text></a></svg>` },
  { name: 'math href javascript:', kind: 'svg-mathml', html: (w) => `<math><mi href="javascript:${runAttr(w)}">open</mi></math>` },
  { name: 'svg animate onbegin', kind: 'svg-mathml', html: (w) => `<svg><animate onbegin="${runAttr(w)}" attributeName="x" dur="1s"></animate></svg>` },
  { name: 'iframe srcdoc', kind: 'embed', html: (w) => `<iframe srcdoc="<script>parent.__xss&&parent.__xss('${w}')</script>"></iframe>` },
  { name: 'object javascript:', kind: 'embed', html: (w) => `<object data="javascript:${runAttr(w)}"></object>` },
  { name: 'embed javascript:', kind: 'embed', html: (w) => `<embed src="javascript:${runAttr(w)}">` },
  { name: 'form formaction', kind: 'javascript-url', html: (w) => `<form><button formaction="javascript:${runAttr(w)}">go</button></form>` },
  { name: 'meta refresh', kind: 'javascript-url', html: (w) => `<meta http-equiv="refresh" content="0;url=javascript:${runAttr(w)}">` },
  {
    name: 'style tag',
    kind: 'css',
    html: (w) => `<style>@import "${EVIL_ORIGIN}/import-${w}.css"; body { background: url("${EVIL_ORIGIN}/bg-${w}.png") }</style>`,
  },
  {
    name: 'style attribute',
    kind: 'css',
    html: (w) => `<div style="background-image: url('${EVIL_ORIGIN}/attr-${w}.png'); position: fixed; inset: 0">cover</div>`,
  },
  { name: 'link stylesheet', kind: 'css', html: (w) => `<link rel="stylesheet" href="${EVIL_ORIGIN}/link-${w}.css">` },
  { name: 'remote image', kind: 'css', html: (w) => `<img src="${EVIL_ORIGIN}/img-${w}.png">` },
  { name: 'base href', kind: 'css', html: () => `<base href="${EVIL_ORIGIN}/">` },
  { name: 'noscript title', kind: 'mutation-xss', html: (w) => `<noscript><p title="</noscript><img src=x onerror=${runAttr(w).replace(/ /g, '')}>">` },
  { name: 'svg style img', kind: 'mutation-xss', html: (w) => `<svg><style><img src=x onerror="${runAttr(w)}"></style></svg>` },
  { name: 'math mglyph style', kind: 'mutation-xss', html: (w) => `<math><mtext><table><mglyph><style><img src=x onerror="${runAttr(w)}">` },
  {
    name: 'form math namespace confusion',
    kind: 'mutation-xss',
    html: (w) => `<form><math><mtext></form><form><mglyph><style></math><img src onerror="${runAttr(w)}">`,
  },
  { name: 'template in textarea', kind: 'mutation-xss', html: (w) => `<textarea><template></textarea><img src=x onerror="${runAttr(w)}"></template>` },
  { name: 'comment breakout', kind: 'mutation-xss', html: (w) => `<!--<img src="--><img src=x onerror="${runAttr(w)}">-->` },
];

/** Markup that must not be found in a DOM where content was rendered. */
export const DANGEROUS_SELECTORS = [
  'script',
  'style',
  'link',
  'iframe',
  'object',
  'embed',
  'meta',
  'base',
  'form',
  'svg',
  'math',
  'noscript',
  'template',
  'input',
  '[style]',
  'a[href^="javascript:" i]',
  '[formaction]',
];
