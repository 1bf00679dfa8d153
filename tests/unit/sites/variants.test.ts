import { describe, expect, test } from 'vitest';
import { editableRootOf } from '../../../lib/editors/target';
import { pageContextSchema, type PageContext } from '../../../lib/schema/page-context';
import { resolvePage } from '../../../lib/sites/page';
import { adapterFor } from './site-adapters';
import { findPlace, SITE_CASES, type SiteCase } from '../../fixtures/variants/cases';
import { fixtureUrlOf, variantsOf } from '../../fixtures/variants/generate';
import type { Variant } from '../../fixtures/variants/types';
import { fixtureHtml, loadPage } from './load-fixture';

/*
 * Every site adapter on every saved page and every variant of it (tests/fixtures/variants): a
 * new build's renamed classes and ids, a redesign's extra wrappers, the site in Russian,
 * German (French, Spanish), hidden duplicates moved. Each variant must give exactly the Page
 * context the saved page gives — its own words (an editor's label) in its language — and the
 * same editor.
 */

/** Reads the page as the panel would, the rep having clicked where the case says. */
async function read(c: SiteCase, html: string, url: string, sel: (s: string) => string = (s) => s) {
  const { document, url: u } = await loadPage(html, url, c.ready);
  const clicked = c.click ? findPlace(document, c.click, sel) : null;
  if (c.click && !clicked) throw new Error(`${c.fixture}: nothing at ${c.click.selector}`);
  const editable = editableRootOf(clicked) ?? (clicked as HTMLElement | null);
  const inFrame = editable && editable.ownerDocument !== document;
  // A click focuses the editor; inside a frame the tracker remembers it instead.
  if (editable && !inFrame) editable.focus();
  const { context, editor } = resolvePage(adapterFor(u), document, u, inFrame ? { lastEditor: editable, lastFocused: editable } : {});
  // Where the Open Quiver button goes: beside each open compose's Send.
  const slots = (adapterFor(u)?.buttonSlots?.(document, u) ?? []).map((slot) => slot.scope);
  return { document, context, editor: editor?.element ?? null, slots };
}

/** The saved page's context as a variant in another language shows it: the page's own words translated. */
function translated(context: PageContext, v: Variant): PageContext {
  const out = structuredClone(context);
  if (out.editor) out.editor.label = v.word(out.editor.label);
  if (out.recordType) out.recordType = v.word(out.recordType);
  return out;
}

describe.each(SITE_CASES.map((c) => [c.fixture, c] as const))('%s', (fixture, c) => {
  const url = fixtureUrlOf(fixtureHtml(fixture), fixture);
  let original: PageContext;
  let buttons: number;

  test('the saved page: the Page context and editor a rep expects', async () => {
    const { document, context, editor, slots } = await read(c, fixtureHtml(fixture), url);
    expect(pageContextSchema.parse(context)).toEqual(context);
    expect(context).toMatchObject(c.context);
    expect(editor).toBe(c.editor ? findPlace(document, c.editor) : null);
    original = context;
    buttons = slots.length;
  });

  test.each(variantsOf(fixture).map((v) => [v.kind, v] as const))('%s: the same context, editor and Quiver buttons', async (_kind, v) => {
    expect(original, 'the saved page’s own test ran first').toBeDefined();
    const { document, context, editor, slots } = await read(c, v.html, v.url, v.sel);
    expect(context).toEqual(translated(original, v));
    const expected = c.editor ? findPlace(document, c.editor, v.sel) : null;
    if (c.editor) expect(expected, `${v.name}: the case's editor`).not.toBeNull();
    expect(editor).toBe(expected);
    expect(slots, 'one Open Quiver button per open compose').toHaveLength(buttons);
    if (editor && slots.length > 0) expect(slots.some((scope) => scope.contains(editor) || scope.ownerDocument !== editor.ownerDocument)).toBe(true);
  });
});

test('every saved site page has a case and variants', async () => {
  const { readdirSync } = await import('node:fs');
  const { FIXTURES } = await import('./load-fixture');
  const pages = readdirSync(FIXTURES).filter((f) => f.endsWith('.html'));
  expect(SITE_CASES.map((c) => c.fixture).sort()).toEqual(pages.sort());
});
