import { expect, test } from 'vitest';
import { pageContextSchema } from '../../../lib/schema/page-context';
import { hubspot } from '../../../lib/sites/hubspot';
import { readPageContext, resolvePage } from '../../../lib/sites/page';
import { fillText } from '../../../lib/templates/render';
import { variableValues } from '../../../lib/templates/values';
import { loadFixture } from './load-fixture';

const DEAL = 'https://app.hubspot.com/contacts/24681357/record/0-3/18273645501';

test('a deal: name, stage, associated contact and company', async () => {
  const { document, url } = await loadFixture('hubspot-deal.html', DEAL);
  const context = readPageContext(hubspot, document, url);
  expect(pageContextSchema.parse(context)).toEqual(context);
  expect(context).toMatchObject({
    site: 'hubspot',
    supported: true,
    pageKind: 'deal',
    recordType: 'Deal',
    recordName: 'Northwind Fleet Expansion',
    deal: { name: 'Northwind Fleet Expansion', stage: 'Decision maker bought-in' },
    person: { fullName: 'Dana Whitfield', firstName: 'Dana', email: 'dana@northwind-logistics.com', title: 'VP Operations' },
    company: 'Northwind Logistics',
    recipients: [{ fullName: 'Dana Whitfield', email: 'dana@northwind-logistics.com' }],
  });
});

test('a stage changed in place is read again', async () => {
  const { document, url } = await loadFixture('hubspot-deal.html', DEAL);
  (document.getElementById('dealstage-button') as HTMLElement).click();
  (document.querySelector('[data-option-value="contractsent"]') as HTMLElement).click();
  expect(readPageContext(hubspot, document, url).deal?.stage).toBe('Contract sent');
});

test('the email composer is the default editor; the note editor when the rep was last there', async () => {
  const { document, url } = await loadFixture('hubspot-deal.html', DEAL);
  const emailBody = document.querySelector<HTMLElement>('[data-test-id="email-body"]')!;
  const note = document.querySelector<HTMLElement>('[data-test-id="note-body"]')!;

  const byDefault = resolvePage(hubspot, document, url).editor;
  expect(byDefault?.element).toBe(emailBody);
  expect(byDefault?.label).toBe('Email body');
  expect(byDefault?.subject).toBe(document.querySelector('[data-test-id="email-subject-input"]'));

  const afterNote = resolvePage(hubspot, document, url, { lastEditor: note, lastFocused: note });
  expect(afterNote.editor).toMatchObject({ element: note, label: 'Note', kind: 'rich' });
  expect(afterNote.editor?.subject ?? null).toBeNull();
});

test('the hidden Activities tab’s comment editor is never offered', async () => {
  const { document, url } = await loadFixture('hubspot-deal.html', DEAL);
  const hidden = document.querySelector('[data-test-id="tab-1-content"] .ProseMirror');
  const offered = hubspot.findEditors(document, url, null).map((e) => e.element);
  expect(offered).toHaveLength(2);
  expect(offered).not.toContain(hidden);
});

test('a contact: name, job title, email, company; the open deal’s stage', async () => {
  const { document, url } = await loadFixture('hubspot-contact.html', 'https://app.hubspot.com/contacts/24681357/record/0-1/62019');
  const context = readPageContext(hubspot, document, url);
  expect(pageContextSchema.parse(context)).toEqual(context);
  expect(context).toMatchObject({
    pageKind: 'contact',
    recordType: 'Contact',
    person: { fullName: 'Priya Raman', firstName: 'Priya', lastName: 'Raman', email: 'priya.raman@brightcart.io', title: 'Head of E-commerce Operations' },
    company: 'BrightCart',
    deal: { name: 'BrightCart checkout pilot', stage: 'Presentation scheduled' },
    editor: { kind: 'rich', label: 'Note' },
  });
});

test('without an open deal, the contact’s lifecycle stage places them', async () => {
  const { document, url } = await loadFixture('hubspot-contact.html', 'https://app.hubspot.com/contacts/24681357/record/0-1/62019');
  document.querySelector('[data-test-id="card-wrapper-ASSOCIATION_V3/0-3"]')!.remove();
  expect(readPageContext(hubspot, document, url).deal).toEqual({ stage: 'Sales Qualified Lead' });
});

test('older record URLs still read', async () => {
  const { document } = await loadFixture('hubspot-deal.html', 'https://app.hubspot.com/contacts/24681357/deal/18273645501/');
  expect(readPageContext(hubspot, document, 'https://app.hubspot.com/contacts/24681357/deal/18273645501/')).toMatchObject({
    pageKind: 'deal',
    deal: { stage: 'Decision maker bought-in' },
  });
});

test('a dashboard is a HubSpot page Quiver does not read, with no editor (search boxes do not count)', async () => {
  const { document, url } = await loadFixture('hubspot-dashboard-unrecognised.html', 'https://app.hubspot.com/reports-dashboard/24681357/view/9981');
  (document.querySelector('input[type="search"]') as HTMLElement).focus();
  const context = readPageContext(hubspot, document, url);
  expect(context).toEqual({ site: 'hubspot', supported: false, pageKind: 'other', url: url.href, editor: null });
});

test('the email composer’s To fills {{first_name}} when the deal has no associated contact', async () => {
  const { document, url } = await loadFixture('hubspot-deal.html', DEAL);
  document.querySelector('[data-selenium-test="contact-chicklet"]')!.remove();
  const context = readPageContext(hubspot, document, url);
  expect(context.person).toMatchObject({ fullName: 'Dana Whitfield', firstName: 'Dana', email: 'dana@northwind-logistics.com' });
  expect(fillText('Hi {{first_name | there}},', variableValues(context, undefined))).toBe('Hi Dana,');
});

test('an email addressed to someone else than the associated contact is for that person', async () => {
  const { document, url } = await loadFixture('hubspot-deal.html', DEAL);
  expect(document.querySelector('[data-selenium-test="contact-chicklet"]')).not.toBeNull();
  const chip = document.querySelector('[data-test-id="recipient-chip"]')!;
  chip.setAttribute('title', 'Tom Becker (tom.becker@northwind-logistics.com)');
  chip.textContent = 'Tom Becker';
  const context = readPageContext(hubspot, document, url);
  expect(context.person).toEqual({ fullName: 'Tom Becker', firstName: 'Tom', lastName: 'Becker', email: 'tom.becker@northwind-logistics.com' });
  expect(context.company).toBe('Northwind Logistics');
  expect(fillText('Hi {{first_name | there}},', variableValues(context, undefined))).toBe('Hi Tom,');
});

test('a deal whose composer is addressed to the associated contact keeps what the card says about them', async () => {
  const { document, url } = await loadFixture('hubspot-deal.html', DEAL);
  expect(readPageContext(hubspot, document, url).person).toEqual({
    fullName: 'Dana Whitfield',
    firstName: 'Dana',
    lastName: 'Whitfield',
    email: 'dana@northwind-logistics.com',
    title: 'VP Operations',
  });
});

test.each([
  ['Russian', 'Этап сделки'],
  ['German', 'Deal-Phase'],
  ['French', 'Phase de la transaction'],
  ['Spanish', 'Etapa del negocio'],
])('without the property hooks, the deal stage is read by its label in %s', async (_lang, label) => {
  const { document, url } = await loadFixture('hubspot-deal.html', DEAL);
  for (const el of document.querySelectorAll('[data-selenium-test^="property-"], [data-selenium-test="deal-stage-highlight"]'))
    el.removeAttribute('data-selenium-test');
  document.querySelector('[data-test-id="dealstage-select"]')!.removeAttribute('data-test-id');
  document.getElementById('label-dealstage')!.textContent = label;
  expect(readPageContext(hubspot, document, url).deal?.stage).toBe('Decision maker bought-in');
});
