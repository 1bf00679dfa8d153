import { expect, test } from 'vitest';
import { pageContextSchema } from '../../../lib/schema/page-context';
import { readPageContext, resolvePage } from '../../../lib/sites/page';
import { salesforce } from '../../../lib/sites/salesforce';
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
    person: { fullName: 'Sofia Marchetti', firstName: 'Sofia', lastName: 'Marchetti', email: 'sofia.marchetti@frutasdelvalle.es', title: 'Head of Supply Chain' },
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
  expect(readPageContext(salesforce, document, 'https://quiver-demo.lightning.force.com/lightning/page/home')).toMatchObject({ supported: false, pageKind: 'other' });
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
