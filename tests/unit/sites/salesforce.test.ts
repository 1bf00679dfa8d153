import { expect, test } from 'vitest';
import { pageContextSchema } from '../../../lib/schema/page-context';
import { readPageContext, resolvePage } from '../../../lib/sites/page';
import { salesforce } from '../../../lib/sites/salesforce';
import { fillText } from '../../../lib/templates/render';
import { variableValues } from '../../../lib/templates/values';
import { loadFixture } from './load-fixture';

const OPPORTUNITY = 'https://quiver-demo.lightning.force.com/lightning/r/Opportunity/0065g00000XyZ1AAAQ/view';
const editorReady = (doc: Document) => doc.getElementById('activity-composer')?.dataset.editorReady === 'true';

test('an opportunity: name, account, the path’s current stage, the primary contact', async () => {
  const { document, url } = await loadFixture('salesforce-opportunity.html', OPPORTUNITY, editorReady);
  const context = readPageContext(salesforce, document, url);
  expect(pageContextSchema.parse(context)).toEqual(context);
  expect(context).toMatchObject({
    site: 'salesforce',
    supported: true,
    pageKind: 'opportunity',
    recordType: 'Opportunity',
    recordName: 'Northwind Fleet Expansion',
    company: 'Northwind Logistics',
    deal: { name: 'Northwind Fleet Expansion', stage: 'Proposal/Price Quote' },
    person: { fullName: 'Dana Whitfield', firstName: 'Dana', email: 'dana@northwind-logistics.com', title: 'VP Operations' },
    recipients: [{ email: 'dana@northwind-logistics.com', fullName: 'Dana Whitfield' }],
  });
});

test('the earlier record’s hidden page never leaks into the context', async () => {
  const { document, url } = await loadFixture('salesforce-opportunity.html', OPPORTUNITY, editorReady);
  const json = JSON.stringify(readPageContext(salesforce, document, url));
  for (const hidden of ['Harbour', 'Negotiation/Review', 'Liam', 'harbourandhome']) expect(json).not.toContain(hidden);

  // Swap which page is on screen: the context follows what is shown, not what is first.
  const [earlier, current] = [...document.querySelectorAll<HTMLElement>('.oneContent')];
  earlier!.style.display = '';
  earlier!.classList.add('active');
  current!.style.display = 'none';
  current!.classList.remove('active');
  const swapped = readPageContext(salesforce, document, 'https://quiver-demo.lightning.force.com/lightning/r/Opportunity/0065g00000HhPosAAF/view');
  expect(swapped).toMatchObject({ recordName: 'Harbour & Home POS Rollout', deal: { stage: 'Negotiation/Review' }, company: 'Harbour & Home Retail' });
  // Visibility alone decides when Lightning's classes say nothing (the hidden page comes first).
  earlier!.classList.remove('active');
  earlier!.style.display = 'none';
  current!.style.display = '';
  expect(readPageContext(salesforce, document, url).deal?.stage).toBe('Proposal/Price Quote');
});

test('the stage still reads when the path is gone, from the Stage field', async () => {
  const { document, url } = await loadFixture('salesforce-opportunity.html', OPPORTUNITY, editorReady);
  for (const path of document.querySelectorAll('.slds-path')) path.remove();
  expect(readPageContext(salesforce, document, url).deal?.stage).toBe('Proposal/Price Quote');
});

test('the email composer’s CKEditor body, two about:blank frames down, is the editor', async () => {
  const { document, url } = await loadFixture('salesforce-opportunity.html', OPPORTUNITY, editorReady);
  const outer = document.getElementById('email-body-frame') as HTMLIFrameElement;
  const inner = outer.contentDocument!.querySelector('iframe')!;
  const body = inner.contentDocument!.body;
  const { editor, context } = resolvePage(salesforce, document, url);
  expect(editor?.element).toBe(body);
  expect(editor?.subject).toBe(document.getElementById('subject-input-93'));
  expect(context.editor).toEqual({ kind: 'rich', label: 'Email body' });
  // The hidden page's Log a Call box is never offered.
  expect(salesforce.findEditors(document, url, null).map((e) => e.element)).toEqual([body]);
});

test('a lead: the salutation is not a first name; status as the stage; industry', async () => {
  const { document, url } = await loadFixture('salesforce-lead.html', 'https://quiver-demo.lightning.force.com/lightning/r/Lead/00Q5g00000AbCdEEAV/view');
  const context = readPageContext(salesforce, document, url);
  expect(pageContextSchema.parse(context)).toEqual(context);
  expect(context).toMatchObject({
    pageKind: 'lead',
    recordType: 'Lead',
    recordName: 'Dr. Sofia Marchetti',
    person: {
      fullName: 'Sofia Marchetti',
      firstName: 'Sofia',
      lastName: 'Marchetti',
      email: 'sofia.marchetti@frutasdelvalle.es',
      title: 'Head of Supply Chain',
    },
    company: 'Frutas del Valle',
    industry: 'Agriculture',
    deal: { stage: 'Working - Contacted' },
  });
});

test('a contact: email and title from the highlights; no stage', async () => {
  const { document, url } = await loadFixture('salesforce-contact.html', 'https://quiver-demo.lightning.force.com/lightning/r/Contact/0035g00000QrStUAAR/view');
  const context = readPageContext(salesforce, document, url);
  expect(context).toMatchObject({
    pageKind: 'contact',
    recordType: 'Contact',
    person: { fullName: 'Dana Whitfield', email: 'dana@northwind-logistics.com', title: 'VP Operations' },
    company: 'Northwind Logistics',
  });
  expect(context.deal).toBeUndefined();
});

test('Lightning on my.salesforce.com and record links without the object name', async () => {
  const { document } = await loadFixture('salesforce-contact.html', 'https://quiver-demo.my.salesforce.com/lightning/r/0035g00000QrStUAAR/view');
  const context = readPageContext(salesforce, document, 'https://quiver-demo.my.salesforce.com/lightning/r/0035g00000QrStUAAR/view');
  expect(context).toMatchObject({ site: 'salesforce', pageKind: 'contact', person: { fullName: 'Dana Whitfield' } });
  expect(readPageContext(salesforce, document, 'https://quiver-demo.lightning.force.com/lightning/page/home')).toMatchObject({
    supported: false,
    pageKind: 'other',
  });
});

test('a My Domain address Salesforce redirects to Lightning is no record page; the Lightning page it lands on is', async () => {
  // https://<org>.my.salesforce.com/<record id> (a Classic link, a bookmark) answers with a
  // redirect to https://<org>.lightning.force.com/lightning/r/<Object>/<id>/view; the content
  // script, which runs on both hosts, reads nothing from the first and the record from the second.
  const classic = 'https://quiver-demo.my.salesforce.com/0065g00000XyZ1AAAQ';
  const lightning = 'https://quiver-demo.lightning.force.com/lightning/r/Opportunity/0065g00000XyZ1AAAQ/view';
  const { document } = await loadFixture('salesforce-opportunity.html', lightning);
  expect(readPageContext(salesforce, document, classic)).toMatchObject({ site: 'salesforce', supported: false, pageKind: 'other' });
  expect(readPageContext(salesforce, document, lightning)).toMatchObject({ site: 'salesforce', supported: true, pageKind: 'opportunity' });
});

const DOCKED = 'https://quiver-demo.lightning.force.com/lightning/r/Opportunity/0065g00000FrVkAAAV/view';
const dockedReady = (doc: Document) => doc.getElementById('docked-email')?.dataset.editorReady === 'true';
const docked = () => loadFixture('salesforce-opportunity-email.html', DOCKED, dockedReady);

test('an opportunity with the docked Email composer: the contact in To is who the email is for', async () => {
  const { document, url } = await docked();
  const { context, editor } = resolvePage(salesforce, document, url);
  expect(pageContextSchema.parse(context)).toEqual(context);
  expect(context).toMatchObject({
    pageKind: 'opportunity',
    recordName: 'Frostvik Cold Chain Pilot',
    company: 'Frostvik Foods',
    deal: { name: 'Frostvik Cold Chain Pilot', stage: 'Needs Analysis' },
    person: { fullName: 'Jonas Lindqvist', firstName: 'Jonas', lastName: 'Lindqvist', email: 'jonas.lindqvist@frostvik.se' },
    recipients: [{ fullName: 'Jonas Lindqvist', email: 'jonas.lindqvist@frostvik.se' }],
    editor: { kind: 'rich', label: 'Email body' },
  });
  expect(context.recipients).toHaveLength(1);
  // Not the rep (From, and Bcc'd to herself), not the hidden record's composer, not the minimized draft.
  expect(JSON.stringify(context)).not.toMatch(/Maria|quiver-demo\.com|Liam|harbourandhome|Harbour|Priya|brightcart/);
  // {{first_name}} fills from the contact in To, not "there".
  expect(fillText('Hi {{first_name | there}},', variableValues(context, undefined))).toBe('Hi Jonas,');

  const inner = (document.getElementById('docked-body-frame') as HTMLIFrameElement).contentDocument!.querySelector('iframe')!;
  expect(editor?.element).toBe(inner.contentDocument!.body);
  expect(editor?.subject).toBe(document.getElementById('subject-input-207'));
  expect(salesforce.findEditors(document, url, null).map((e) => e.element)).toEqual([inner.contentDocument!.body]);
});

test('the composer’s To wins over the Contact Roles, whose details are kept when it is the same person', async () => {
  const { document, url } = await loadFixture('salesforce-opportunity.html', OPPORTUNITY, editorReady);
  // The same person: the Contact Role's title stays.
  expect(readPageContext(salesforce, document, url).person).toMatchObject({ fullName: 'Dana Whitfield', title: 'VP Operations' });
  // Someone else: the email is for them.
  const label = document.querySelector('.oneContent.active .toAddress .slds-pill__label')!;
  label.setAttribute('title', 'Tom Becker <tom.becker@northwind-logistics.com>');
  label.textContent = 'Tom Becker';
  const context = readPageContext(salesforce, document, url);
  expect(context.person).toEqual({ fullName: 'Tom Becker', firstName: 'Tom', lastName: 'Becker', email: 'tom.becker@northwind-logistics.com' });
  expect(context.company).toBe('Northwind Logistics');
});

test.each([
  [
    'a pill with the name only',
    (d: Document) => d.querySelector('#docked-email a.pill[data-recordid]')!.removeAttribute('title'),
    { fullName: 'Jonas Lindqvist', firstName: 'Jonas' },
  ],
  [
    'a typed address as the pill',
    (d: Document) => {
      const pill = d.querySelector('#docked-email a.pill[data-recordid]')!;
      pill.removeAttribute('title');
      pill.querySelector('.pillText')!.textContent = 'jonas.lindqvist@frostvik.se';
    },
    { fullName: 'Jonas Lindqvist', firstName: 'Jonas', email: 'jonas.lindqvist@frostvik.se' },
  ],
  [
    '"Name <address>" as the pill’s text',
    (d: Document) => {
      const pill = d.querySelector('#docked-email a.pill[data-recordid]')!;
      pill.removeAttribute('title');
      pill.querySelector('.pillText')!.textContent = 'Jonas Lindqvist <jonas.lindqvist@frostvik.se>';
    },
    { fullName: 'Jonas Lindqvist', email: 'jonas.lindqvist@frostvik.se' },
  ],
])('the To recipient still reads from %s', async (_name, change, person) => {
  const { document, url } = await docked();
  change(document);
  const context = readPageContext(salesforce, document, url);
  expect(context.person).toMatchObject(person);
  expect(JSON.stringify(context)).not.toMatch(/Maria|quiver-demo\.com/);
});

test('in Russian, with Cc before To: the To is found by its label and the rep by her From', async () => {
  const { document, url } = await docked();
  const composer = document.getElementById('docked-email')!;
  const labels: Record<string, string> = { From: 'От', To: 'Кому', Cc: 'Копия', Bcc: 'Скрытая копия', Subject: 'Тема' };
  for (const span of composer.querySelectorAll('label span')) span.textContent = labels[span.textContent!] ?? span.textContent;
  const subject = document.getElementById('subject-input-207') as HTMLInputElement;
  subject.placeholder = 'Введите тему...';
  // A colleague in Cc, and the Cc field moved above To.
  const [, to, cc] = [...composer.querySelectorAll('.forceInputLookupMultiSelect')];
  cc!.querySelector('ul')!.innerHTML =
    '<li class="pillContainerListItem" role="presentation"><a class="pill" role="option" title="anna.berg@frostvik.se"><span class="pillText">Anna Berg</span></a></li>';
  to!.before(cc!);
  const { context, editor } = resolvePage(salesforce, document, url);
  expect(context.person).toMatchObject({ fullName: 'Jonas Lindqvist', email: 'jonas.lindqvist@frostvik.se' });
  expect(context.recipients?.map((r) => r.fullName)).toEqual(['Jonas Lindqvist', 'Anna Berg']);
  expect(JSON.stringify(context)).not.toContain('Maria');
  expect(editor?.subject).toBe(subject);
});

test('the docked composer minimized: its recipient no longer counts, and the record’s own people do', async () => {
  const { document, url } = await docked();
  const panel = document.getElementById('docked-email')!;
  panel.classList.replace('DOCKED', 'MINIMIZED');
  const context = readPageContext(salesforce, document, url);
  expect(context.person).toBeUndefined();
  expect(context.recipients).toBeUndefined();
  expect(context.deal?.stage).toBe('Needs Analysis');
});

test('the docking panel is watched, so a composer opening or its recipients changing is read again', async () => {
  const { document, url } = await docked();
  const nodes = salesforce.watchTargets!(document, url).map((t) => t.node);
  expect(nodes).toContain(document.querySelector('.forceDockingPanelOverflow'));
});
