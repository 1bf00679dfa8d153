import { expect, test } from 'vitest';
import { pageContextSchema } from '../../../lib/schema/page-context';
import { linkedin } from '../../../lib/sites/linkedin';
import { readPageContext, resolvePage } from '../../../lib/sites/page';
import { loadFixture } from './load-fixture';

const overlayReady = (doc: Document) => !!doc.getElementById('interop-outlet')?.shadowRoot;

test('a profile: name, role, current company, location; no message box', async () => {
  const { document, url } = await loadFixture('linkedin-profile.html', 'https://www.linkedin.com/in/dana-whitfield-4a7b1c2/', overlayReady);
  const context = readPageContext(linkedin, document, url);
  expect(pageContextSchema.parse(context)).toEqual(context);
  expect(context).toMatchObject({
    site: 'linkedin',
    supported: true,
    pageKind: 'profile',
    person: { fullName: 'Dana Whitfield', firstName: 'Dana', lastName: 'Whitfield', title: 'VP Operations' },
    company: 'Northwind Logistics',
    location: 'Rotterdam, South Holland, Netherlands',
    editor: null,
  });
  // Screen-reader duplicates are not read twice.
  expect(context.person?.title).not.toMatch(/VP Operations.*VP Operations/);
});

test('a profile whose top card lost its company button still gets the company from Experience', async () => {
  const { document, url } = await loadFixture('linkedin-profile.html', 'https://www.linkedin.com/in/dana-whitfield-4a7b1c2/', overlayReady);
  document.querySelector('.pv-text-details__right-panel')!.remove();
  document.querySelector('h1')!.className = 'some-new-class';
  const context = readPageContext(linkedin, document, url);
  expect(context.company).toBe('Northwind Logistics');
  expect(context.person?.fullName).toBe('Dana Whitfield');
});

test('the messaging page: the other person, from the thread header; plain-text message box', async () => {
  const { document, url } = await loadFixture('linkedin-messaging.html', 'https://www.linkedin.com/messaging/thread/2-YWJjZDEyMzQ1Njc4OTBfbmV3/', overlayReady);
  const { context, editor } = resolvePage(linkedin, document, url);
  expect(pageContextSchema.parse(context)).toEqual(context);
  expect(context).toMatchObject({
    site: 'linkedin',
    pageKind: 'messaging',
    person: { fullName: 'Dana Whitfield', title: 'VP Operations' },
    company: 'Northwind Logistics',
    inConversation: true,
    threadLength: 3,
    editor: { kind: 'plain', label: 'LinkedIn message to Dana Whitfield' },
  });
  expect(editor?.element.classList.contains('msg-form__contenteditable')).toBe(true);
  // The conversation list's other names never leak in.
  expect(JSON.stringify(context)).not.toContain('Priya');
});

test('a profile with the messaging overlay in a shadow root: the box inside it is found', async () => {
  const { document, url } = await loadFixture('linkedin-profile-overlay.html', 'https://www.linkedin.com/in/priya-raman-brightcart/', overlayReady);
  const shadow = document.getElementById('interop-outlet')!.shadowRoot!;
  const box = shadow.querySelector<HTMLElement>('.msg-form__contenteditable')!;
  const { context, editor } = resolvePage(linkedin, document, url);
  expect(editor?.element).toBe(box);
  expect(context).toMatchObject({
    pageKind: 'profile',
    person: { fullName: 'Priya Raman', firstName: 'Priya', title: 'Head of E-commerce Operations' },
    company: 'BrightCart',
    location: 'Amsterdam, North Holland, Netherlands',
    inConversation: true,
    threadLength: 2,
    editor: { kind: 'plain', label: 'LinkedIn message to Priya Raman' },
  });
  const slots = linkedin.buttonSlots!(document, url);
  expect(slots).toHaveLength(1);
  expect(slots[0]!.anchor.getRootNode()).toBe(shadow);
});

test('the rep in the comment box makes it the editor, still as plain text', async () => {
  const { document, url } = await loadFixture('linkedin-profile-overlay.html', 'https://www.linkedin.com/in/priya-raman-brightcart/', overlayReady);
  const comment = document.querySelector<HTMLElement>('.ql-editor')!;
  const { editor } = resolvePage(linkedin, document, url, { lastEditor: comment, lastFocused: comment });
  expect(editor).toMatchObject({ element: comment, kind: 'plain' });
});

test('the feed with no conversation open is not a page Quiver reads', async () => {
  const { document } = await loadFixture('linkedin-profile.html', 'https://www.linkedin.com/feed/', overlayReady);
  expect(readPageContext(linkedin, document, 'https://www.linkedin.com/feed/')).toMatchObject({
    site: 'linkedin',
    supported: false,
    pageKind: 'other',
    editor: null,
  });
});

test('the messaging page after a build that renamed every class: the box and the person are still found', async () => {
  const { document, url } = await loadFixture('linkedin-messaging.html', 'https://www.linkedin.com/messaging/thread/2-YWJjZDEyMzQ1Njc4OTBfbmV3/', overlayReady);
  const box = document.querySelector('.msg-form__contenteditable')!;
  let n = 0;
  for (const el of document.querySelectorAll('[class]')) el.setAttribute('class', `_${(n++).toString(36)}x9q`);
  document.getElementById('thread-detail-jump-target')!.removeAttribute('id');
  const { context, editor } = resolvePage(linkedin, document, url);
  expect(editor?.element).toBe(box);
  expect(editor?.kind).toBe('plain');
  expect(context).toMatchObject({ pageKind: 'messaging', person: { fullName: 'Dana Whitfield', firstName: 'Dana' } });
  expect(JSON.stringify(context)).not.toContain('Priya');
});

test.each([
  ['Russian', 'Текущая компания: Northwind Logistics. Нажмите, чтобы перейти к разделу «Опыт работы»'],
  ['German', 'Aktuelles Unternehmen: Northwind Logistics. Klicken, um zur Berufserfahrung zu springen'],
  ['French', 'Entreprise actuelle : Northwind Logistics. Cliquez pour accéder à l’expérience'],
  ['Spanish', 'Empresa actual: Northwind Logistics. Haz clic para ir a la experiencia'],
])('the current company is read from its button in %s, before Experience', async (_lang, label) => {
  const { document, url } = await loadFixture('linkedin-profile.html', 'https://www.linkedin.com/in/dana-whitfield-4a7b1c2/', overlayReady);
  document.querySelector('#experience')!.closest('section')!.remove();
  const button = document.querySelector('button[aria-label^="Current company"]')!;
  button.setAttribute('aria-label', label);
  // The button's text says something else, so only its label can have given the company.
  button.querySelector('.inline-show-more-text--is-collapsed')!.textContent = 'NW';
  document.querySelector('.text-body-medium')!.textContent = 'VP Operations';
  expect(readPageContext(linkedin, document, url).company).toBe('Northwind Logistics');
});

test('a profile after a build that renamed every class: name, role and company from the h1, Experience and the company button', async () => {
  const { document, url } = await loadFixture('linkedin-profile.html', 'https://www.linkedin.com/in/dana-whitfield-4a7b1c2/', overlayReady);
  let n = 0;
  for (const el of document.querySelectorAll('[class]')) el.setAttribute('class', `_${(n++).toString(36)}x9q`);
  const context = readPageContext(linkedin, document, url);
  expect(context).toMatchObject({
    pageKind: 'profile',
    person: { fullName: 'Dana Whitfield', firstName: 'Dana', title: 'VP Operations' },
    company: 'Northwind Logistics',
  });
  // Nobody from "People also viewed" or an earlier job.
  expect(JSON.stringify(context)).not.toMatch(/Tom|Sofia|Fleet Manager|Koelketen/);
});
