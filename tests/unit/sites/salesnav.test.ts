import { expect, test } from 'vitest';
import { insertContent } from '../../../lib/editors/insert';
import { defaultStageMap, inferStage, mergeStageMaps } from '../../../lib/recommend';
import { pageContextSchema, type PageContext } from '../../../lib/schema/page-context';
import { linkedin } from '../../../lib/sites/linkedin';
import { readPageContext, resolvePage } from '../../../lib/sites/page';
import { adapterFor } from './site-adapters';
import { salesnav } from '../../../lib/sites/salesnav';
import { variantsOf } from '../../fixtures/variants/generate';
import type { VariantKind } from '../../fixtures/variants/types';
import { loadFixture, loadPage } from './load-fixture';

const LEAD = 'https://www.linkedin.com/sales/lead/ACwAAB3kZ0BnT7qXw9cLmP4vR2sYdE8fGhJkLo,NAME_SEARCH,x9Qz';
const THREAD = 'https://www.linkedin.com/sales/inbox/2-NTQ1MjM0MWEtYzE4ZC00ZjBmLWE3ZDUtNTgwMTM5Y2Q0ZTYyXzEwMA==';
const stageMap = mergeStageMaps(defaultStageMap(), undefined);

const lead = () => loadFixture('salesnav-lead-inmail.html', LEAD);
const inbox = () => loadFixture('salesnav-inbox-thread.html', THREAD);

/** The lead page as the variant generator makes it (a new build, Russian…: tests/fixtures/variants). */
async function leadVariant(kind: VariantKind) {
  const variant = variantsOf('salesnav-lead-inmail.html').find((v) => v.kind === kind)!;
  return loadPage(variant.html, LEAD);
}

/** A build without the hooks the adapter prefers: only data-anonymize and structure are left. */
function withoutPreferredHooks(doc: Document): void {
  for (const attr of ['data-x--lead--name', 'data-sn-view-name', 'data-x--lead-profile-card--headline', 'data-x-conversation-widget']) {
    for (const el of doc.querySelectorAll(`[${attr}]`)) el.removeAttribute(attr);
  }
  doc.getElementById('profile-card-section')?.removeAttribute('id');
  for (const field of doc.querySelectorAll('input, textarea')) {
    field.removeAttribute('name');
    if (/^compose-form/.test(field.id)) field.id = `field-${Math.random().toString(36).slice(2)}`;
  }
  for (const form of doc.querySelectorAll('form')) {
    form.id = 'ember7781';
    form.classList.remove('compose-form');
  }
  for (const box of doc.querySelectorAll('.compose-form__message-field')) box.classList.remove('compose-form__message-field');
}

const LEAD_CONTEXT = {
  site: 'salesnav',
  supported: true,
  pageKind: 'lead',
  person: { fullName: 'Dana Whitfield', firstName: 'Dana', lastName: 'Whitfield', title: 'VP Operations' },
  company: 'Northwind Logistics',
  lists: ['Benelux 3PLs — Interest', 'Cold-chain accounts'],
  saved: true,
  editor: { kind: 'plain', label: 'InMail to Dana Whitfield' },
};

/** Nobody but the lead: not the rep, not the leads in the rail, not an earlier employer. */
function expectOnlyTheLead(context: PageContext): void {
  expect(JSON.stringify(context)).not.toMatch(/Maria|Lopez|Tom|Becker|Priya|BrightCart|Nordhafen|Harbour|Head of Fleet|Sales Navigator Lead Page/);
}

test('a lead page with the InMail composer open: the lead from the top card, the composer as the editor', async () => {
  const { document, url } = await lead();
  const { context, editor } = resolvePage(salesnav, document, url);
  expect(pageContextSchema.parse(context)).toEqual(context);
  expect(context).toMatchObject(LEAD_CONTEXT);
  expectOnlyTheLead(context);
  expect(editor?.element).toBe(document.querySelector('textarea[name="message"]'));
  expect(editor?.subject).toBe(document.querySelector('input[aria-label="Subject (required)"]'));
  // The Notes box is the lead's, but not a message: never offered unless the rep is in it.
  expect(salesnav.findEditors(document, url, null).map((e) => e.element)).toEqual([editor?.element]);
});

test('the rep in the Notes box makes it the editor; in the Subject, the message box stays it', async () => {
  const { document, url } = await lead();
  const notes = document.querySelector<HTMLTextAreaElement>('textarea[aria-label^="Add a note"]')!;
  expect(resolvePage(salesnav, document, url, { lastEditor: notes, lastFocused: notes }).editor).toMatchObject({ element: notes, kind: 'plain' });
  const subject = document.querySelector<HTMLInputElement>('input[name="subject"]')!;
  subject.focus();
  expect(resolvePage(salesnav, document, url).editor).toMatchObject({
    element: document.querySelector('textarea[name="message"]'),
    label: 'InMail to Dana Whitfield',
  });
});

// Renamed classes and ids, wrappers and Russian alone are in the shared variant tests
// (variants.test.ts); here, the same pages without the hooks the adapter prefers.
test.each([
  ['after a new build, without the data-x--/data-sn-view-name hooks, field names or ids', 'renamed'],
  ['in Russian, without the hooks, field names or ids', 'ru'],
  ['the top card’s identity block as a <header>, without the hooks', null],
] as const)('the lead page still reads %s', async (name, kind) => {
  const { document, url } = kind ? await leadVariant(kind) : await lead();
  if (!kind) {
    const identity = document.querySelector('h1[data-anonymize="person-name"]')!.parentElement!;
    const header = document.createElement('header');
    header.className = identity.className;
    header.append(...identity.childNodes);
    identity.replaceWith(header);
  }
  withoutPreferredHooks(document);
  const { context, editor } = resolvePage(salesnav, document, url);
  expect(context).toMatchObject(LEAD_CONTEXT);
  expectOnlyTheLead(context);
  expect(editor?.element.localName).toBe('textarea');
  expect(editor?.element.getAttribute('aria-label') ?? '').not.toMatch(/note|заметк/i);
  expect(editor?.subject?.localName).toBe('input');
  expect(editor?.subject?.getAttribute('aria-label')).toMatch(kind === 'ru' ? /^Тема/ : /^Subject/);
});

test.each([
  ['German', 'Betreff (erforderlich)'],
  ['French', 'Objet (obligatoire)'],
  ['Spanish', 'Asunto (obligatorio)'],
])('the Subject is found by its %s label when nothing else names it', async (_lang, label) => {
  const { document, url } = await lead();
  withoutPreferredHooks(document);
  const subject = document.querySelector<HTMLInputElement>('form input')!;
  subject.setAttribute('aria-label', label);
  // A second text input (a recipient typeahead) makes structure alone ambiguous.
  const typeahead = document.createElement('input');
  typeahead.type = 'text';
  typeahead.setAttribute('aria-label', 'x');
  subject.before(typeahead);
  expect(resolvePage(salesnav, document, url).editor?.subject).toBe(subject);
});

test('the top card without its title and company markers: Experience, then the headline', async () => {
  const { document, url } = await lead();
  const role = document.querySelector('[data-sn-view-name="lead-current-role"]')!;
  role.remove();
  expect(readPageContext(salesnav, document, url)).toMatchObject({ person: { title: 'VP Operations' }, company: 'Northwind Logistics' });
  document.querySelector('[data-sn-view-name="feature-lead-experience"]')!.remove();
  expect(readPageContext(salesnav, document, url)).toMatchObject({ person: { title: 'VP Operations' }, company: 'Northwind Logistics' });
});

test('a lead not saved to any list: no lists, not saved', async () => {
  const { document, url } = await lead();
  document.querySelector('[data-sn-view-name="lead-lists"]')!.remove();
  document.querySelector('[data-x--lead-save-cta] span')!.textContent = 'Save';
  const context = readPageContext(salesnav, document, url);
  expect(context.lists).toBeUndefined();
  expect(context.saved).toBe(false);
});

test('a composer opened for someone else than the lead in view is about that person', async () => {
  const { document, url } = await lead();
  document.querySelector('form [data-anonymize="person-name"]')!.textContent = 'Tom Becker';
  document.querySelector('form [data-anonymize="headline"]')!.textContent = 'Depot Manager at Nordhafen Logistik';
  const { context } = resolvePage(salesnav, document, url);
  expect(context).toMatchObject({
    person: { fullName: 'Tom Becker', title: 'Depot Manager' },
    company: 'Nordhafen Logistik',
    editor: { label: 'InMail to Tom Becker' },
  });
  expect(context.lists).toBeUndefined();
});

test('insert: the text goes into the message at its caret, the subject is filled, and Send comes alive', async () => {
  const { document, url, window } = await lead();
  const { editor } = resolvePage(salesnav, document, url);
  const box = editor!.element as HTMLTextAreaElement;
  const send = document.querySelector<HTMLButtonElement>('button[type="submit"]')!;
  box.value = 'Hi Dana,\n\n\nMaria';
  box.setSelectionRange(10, 10);
  const result = insertContent(
    editor,
    { html: '<p>Hi <b>Dana</b></p>', text: 'Our fleet case study: https://example.com/northwind.pdf', subject: 'Empty miles at Northwind Logistics' },
    { win: window },
  );
  expect(result).toEqual({ ok: true, editor: 'InMail to Dana Whitfield', subjectFilled: true });
  expect(box.value).toBe('Hi Dana,\n\nOur fleet case study: https://example.com/northwind.pdf\nMaria');
  expect(document.querySelector<HTMLInputElement>('input[name="subject"]')!.value).toBe('Empty miles at Northwind Logistics');
  expect(send.disabled).toBe(false);
  // Nothing else on the page changed.
  expect(document.querySelector<HTMLTextAreaElement>('textarea[aria-label^="Add a note"]')!.value).toBe('');
});

test('the fixture’s Send only trusts what it heard: values set silently leave it disabled', async () => {
  const { document } = await lead();
  document.querySelector<HTMLInputElement>('input[name="subject"]')!.value = 'Hello';
  document.querySelector<HTMLTextAreaElement>('textarea[name="message"]')!.value = 'Hi Dana';
  expect(document.querySelector<HTMLButtonElement>('button[type="submit"]')!.disabled).toBe(true);
});

test('the Quiver button goes beside the composer’s Send', async () => {
  const { document, url } = await lead();
  const slots = salesnav.buttonSlots!(document, url);
  expect(slots).toHaveLength(1);
  expect(slots[0]).toMatchObject({ anchor: document.querySelector('button[type="submit"]'), where: 'before', scope: document.querySelector('form') });
});

test('an inbox thread: the other person from the insights panel, the conversation, a reply box with no subject', async () => {
  const { document, url } = await inbox();
  const { context, editor } = resolvePage(salesnav, document, url);
  expect(pageContextSchema.parse(context)).toEqual(context);
  expect(context).toMatchObject({
    site: 'salesnav',
    pageKind: 'messaging',
    person: { fullName: 'Tom Becker', firstName: 'Tom', title: 'Depot Manager' },
    company: 'Nordhafen Logistik',
    location: 'Venlo, Limburg, Netherlands',
    lists: ['Depot managers NL'],
    inConversation: true,
    threadLength: 2,
    editor: { kind: 'plain', label: 'Message to Tom Becker' },
  });
  // The other threads in the list and the rep's own messages never leak in.
  expect(JSON.stringify(context)).not.toMatch(/Priya|Dana|Maria|Lopez/);
  expect(editor?.element).toBe(document.querySelector('textarea[name="message"]'));
  expect(editor?.subject ?? null).toBeNull();
});

test.each([
  ['no insights panel: the thread’s own header', (d: Document) => d.querySelector('.conversation-insights')!.remove()],
  [
    'no insights panel and no thread hooks',
    (d: Document) => {
      d.querySelector('.conversation-insights')!.remove();
      const thread = d.querySelector('.thread-container')!;
      thread.classList.remove('thread-container');
      thread.removeAttribute('data-sn-view-name');
      withoutPreferredHooks(d);
    },
  ],
])('the inbox thread still reads with %s', async (_name, change) => {
  const { document, url } = await inbox();
  change(document);
  const { context, editor } = resolvePage(salesnav, document, url);
  expect(context.person).toMatchObject({ fullName: 'Tom Becker', title: 'Depot Manager' });
  expect(context.company).toBe('Nordhafen Logistik');
  expect(context.inConversation).toBe(true);
  expect(JSON.stringify(context)).not.toMatch(/Priya|Dana|Maria/);
  expect(editor?.element.localName).toBe('textarea');
  expect(context.editor?.label).toBe('Message to Tom Becker');
});

test('a reply: Send comes alive after the insert, and no subject is invented', async () => {
  const { document, url, window } = await inbox();
  const { editor } = resolvePage(salesnav, document, url);
  const result = insertContent(editor, { html: '', text: 'Here is the depot planning guide.', subject: 'Not for replies' }, { win: window });
  expect(result).toEqual({ ok: true, editor: 'Message to Tom Becker', subjectFilled: false });
  expect((editor!.element as HTMLTextAreaElement).value).toBe('Here is the depot planning guide.');
  expect(document.querySelector<HTMLButtonElement>('button[type="submit"]')!.disabled).toBe(false);
  expect(document.querySelector<HTMLInputElement>('input[type="search"]')!.value).toBe('');
});

test('Sales Navigator pages are this adapter’s, every other LinkedIn page is linkedin.ts’s', () => {
  for (const href of [
    LEAD,
    THREAD,
    'https://www.linkedin.com/sales/people/ACwAAB3kZ0Bn,NAME_SEARCH,x9Qz',
    'https://www.linkedin.com/sales/inbox/',
    'https://www.linkedin.com/sales/search/people?query=fleet',
    'https://www.linkedin.com/sales',
  ]) {
    const url = new URL(href);
    expect(adapterFor(url)?.site).toBe('salesnav');
    expect(linkedin.serves?.(url) ?? true).toBe(false);
  }
  for (const href of [
    'https://www.linkedin.com/in/dana-whitfield-4a7b1c2/',
    'https://www.linkedin.com/messaging/thread/2-abc/',
    'https://www.linkedin.com/feed/',
    'https://www.linkedin.com/salesforce-fans/',
  ]) {
    const url = new URL(href);
    expect(adapterFor(url)?.site).toBe('linkedin');
    expect(adapterFor(url)?.site).not.toBe('salesnav');
  }
});

test('other Sales Navigator pages without a composer are not read; with one, its recipient is', async () => {
  const { document } = await lead();
  const search = 'https://www.linkedin.com/sales/search/people?query=fleet';
  expect(readPageContext(salesnav, document, search)).toMatchObject({
    site: 'salesnav',
    supported: true,
    pageKind: 'compose',
    person: { fullName: 'Dana Whitfield' },
  });
  document.querySelector('[role="dialog"]')!.remove();
  expect(readPageContext(salesnav, document, search)).toEqual({ site: 'salesnav', supported: false, pageKind: 'other', url: search, editor: null });
  expect(readPageContext(salesnav, document, 'https://www.linkedin.com/sales/inbox/')).toMatchObject({ pageKind: 'messaging', inConversation: false });
});

test('stage: the rep’s list names it; else a conversation is interest and a lead with none awareness', async () => {
  const { document, url } = await lead();
  expect(inferStage(readPageContext(salesnav, document, url), stageMap)).toEqual({ kind: 'salesnav-list', list: 'Benelux 3PLs — Interest', stage: 'interest' });

  const thread = await inbox();
  expect(inferStage(readPageContext(salesnav, thread.document, thread.url), stageMap)).toEqual({ kind: 'linkedin-conversation', stage: 'interest' });

  document.querySelector('[data-sn-view-name="lead-lists"]')!.remove();
  expect(inferStage(readPageContext(salesnav, document, url), stageMap)).toEqual({ kind: 'linkedin-profile', stage: 'awareness' });
});

test.each([
  [['Q4 — Вовлечённые'], 'engagement'],
  [['Customers 2026'], 'advocacy'],
  [['DACH fleet', 'Proposal/Price Quote this month'], 'conversion'],
  [['Engaged: cold chain'], 'engagement'],
])('a lead in the lists %j is placed at %s', (lists, stage) => {
  const context = { site: 'salesnav', supported: true, pageKind: 'lead', url: LEAD, editor: null, lists } as PageContext;
  expect(inferStage(context, stageMap)).toMatchObject({ kind: 'salesnav-list', stage });
});

test('an org’s own stage map places its own list names', () => {
  const context = { site: 'salesnav', supported: true, pageKind: 'lead', url: LEAD, editor: null, lists: ['Hot accounts'] } as PageContext;
  expect(inferStage(context, stageMap)).toEqual({ kind: 'linkedin-profile', stage: 'awareness' });
  expect(inferStage(context, mergeStageMaps(defaultStageMap(), { 'Hot accounts': 'engagement' }))).toEqual({
    kind: 'salesnav-list',
    list: 'Hot accounts',
    stage: 'engagement',
  });
});
