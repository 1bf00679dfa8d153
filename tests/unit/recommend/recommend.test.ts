import { describe, expect, test } from 'vitest';
import { DEFAULT_STAGE_ENTRIES, defaultStageMap, inferStage, mergeStageMaps, personaOf, suggest } from '../../../lib/recommend';
import type { PageContext } from '../../../lib/schema/page-context';
import { createSearchEngine } from '../../../lib/search';
import { sampleItems } from '../support/items';

const defaults = mergeStageMaps(defaultStageMap(), undefined);
const sfOpportunity = (stage: string): PageContext => ({
  site: 'salesforce',
  supported: true,
  pageKind: 'opportunity',
  recordType: 'Opportunity',
  url: 'https://acme.lightning.force.com/lightning/r/Opportunity/006/view',
  deal: { name: 'Nordhafen fleet rollout', stage },
  editor: null,
});
const hsDeal = (stage: string): PageContext => ({
  site: 'hubspot',
  supported: true,
  pageKind: 'deal',
  recordType: 'Deal',
  url: 'https://app.hubspot.com/contacts/1/record/0-3/2',
  deal: { name: 'Harbour & Home', stage },
  editor: null,
});

describe('CRM stage → journey stage', () => {
  const salesforce: [string, string][] = [
    ['Prospecting', 'awareness'],
    ['Qualification', 'interest'],
    ['Needs Analysis', 'interest'],
    ['Value Proposition', 'engagement'],
    ['Id. Decision Makers', 'engagement'],
    ['Perception Analysis', 'engagement'],
    ['Proposal/Price Quote', 'conversion'],
    ['Negotiation/Review', 'conversion'],
    ['Closed Won', 'advocacy'],
  ];
  test.each(salesforce)('Salesforce opportunity stage %s → %s', (crm, journey) => {
    expect(inferStage(sfOpportunity(crm), defaults)).toEqual({
      kind: 'crm-stage',
      field: 'Opportunity stage',
      crmStage: crm,
      stage: journey,
    });
  });

  const hubspot: [string, string][] = [
    ['Appointment Scheduled', 'interest'],
    ['Qualified To Buy', 'interest'],
    ['Presentation Scheduled', 'engagement'],
    ['Decision Maker Bought-In', 'engagement'],
    ['Contract Sent', 'conversion'],
    ['Closed Won', 'advocacy'],
    ['Closed Lost', 'awareness'],
  ];
  test.each(hubspot)('HubSpot deal stage %s → %s', (crm, journey) => {
    expect(inferStage(hsDeal(crm), defaults)).toMatchObject({ field: 'Deal stage', crmStage: crm, stage: journey });
  });

  test('every default entry is reachable, whatever the case and spacing the CRM shows', () => {
    for (const e of DEFAULT_STAGE_ENTRIES) {
      expect(inferStage(sfOpportunity(`  ${e.crmStage.toUpperCase()} `), defaults)?.stage).toBe(e.stage);
    }
  });

  test("the org's overrides win over the defaults and add its own stages", () => {
    const org = mergeStageMaps(defaultStageMap(), { 'proposal/price quote': 'engagement', 'Pilot running': 'conversion' });
    expect(inferStage(sfOpportunity('Proposal/Price Quote'), org)?.stage).toBe('engagement');
    expect(inferStage(sfOpportunity('Pilot Running'), org)?.stage).toBe('conversion');
    expect(inferStage(sfOpportunity('Pilot Running'), defaults)).toBeNull();
  });
});

describe('stage from the conversation', () => {
  const gmail = (isReply: boolean, threadLength?: number): PageContext => ({
    site: 'gmail',
    supported: true,
    pageKind: isReply ? 'thread' : 'compose',
    url: 'https://mail.google.com/mail/u/0/#inbox',
    isReply,
    threadLength,
    editor: { kind: 'rich', label: 'Message Body' },
  });
  test('a first email is awareness; a reply in a long thread is later in the journey', () => {
    expect(inferStage(gmail(false), defaults)).toEqual({ kind: 'new-email', stage: 'awareness' });
    expect(inferStage(gmail(true, 2), defaults)).toEqual({ kind: 'email-thread', messages: 2, stage: 'interest' });
    expect(inferStage(gmail(true, 6), defaults)).toEqual({ kind: 'email-thread', messages: 6, stage: 'engagement' });
  });
  test('Outlook on the web is read like Gmail', () => {
    const outlook = (isReply: boolean, threadLength?: number): PageContext => ({
      ...gmail(isReply, threadLength),
      site: 'outlook',
      url: 'https://outlook.office.com/mail/inbox',
      editor: { kind: 'rich', label: 'Message body' },
    });
    expect(inferStage(outlook(false), defaults)).toEqual({ kind: 'new-email', stage: 'awareness' });
    expect(inferStage(outlook(true, 2), defaults)).toEqual({ kind: 'email-thread', messages: 2, stage: 'interest' });
    expect(inferStage(outlook(true, 4), defaults)).toEqual({ kind: 'email-thread', messages: 4, stage: 'engagement' });
  });
  test('a LinkedIn profile with no conversation yet is early', () => {
    const profile: PageContext = {
      site: 'linkedin',
      supported: true,
      pageKind: 'profile',
      url: 'https://www.linkedin.com/in/x/',
      editor: null,
      inConversation: false,
    };
    expect(inferStage(profile, defaults)).toEqual({ kind: 'linkedin-profile', stage: 'awareness' });
    expect(inferStage({ ...profile, pageKind: 'messaging', inConversation: true }, defaults)?.stage).toBe('interest');
  });
  test('an unsupported page infers nothing', () => {
    expect(inferStage({ site: null, supported: false, pageKind: 'other', url: 'https://example.com', editor: null }, defaults)).toBeNull();
  });
});

test('personas are recognised from job titles', () => {
  expect(personaOf('Chief Financial Officer')).toBe('cfo');
  expect(personaOf('VP Operations, Nordics')).toBe('vp-operations');
  expect(personaOf('Fleet Manager')).toBe('fleet-manager');
  expect(personaOf('Head of IT')).toBe('it-director');
  expect(personaOf('Painter')).toBeUndefined();
});

describe('suggestions', () => {
  const engine = createSearchEngine();
  const through = (e: typeof engine) => ({
    search: (q: string, o: object) => e.search(q, o),
    getItems: (ids: string[]) => ids.map((id) => e.get(id)),
  });
  const items = sampleItems().map((i) => (i.id === 'nordhafen-case-study' ? { ...i, industries: ['logistics'], personas: ['vp-operations'] } : i));
  engine.setItems(items);
  const today = '2026-11-27';

  test('a Salesforce opportunity in Proposal/Price Quote gets conversion content first, with the reason', async () => {
    const context = sfOpportunity('Proposal/Price Quote');
    const reason = inferStage(context, defaults);
    const list = await suggest({ ...through(engine), context, stage: reason!.stage, stageReason: reason, today });
    // The only conversion item is the expired promotion: it is never suggested.
    expect(list).toEqual([]);
    engine.upsert([{ ...items[0]!, id: 'pricing', title: 'Pricing overview', stages: ['conversion'] }]);
    const again = await suggest({ ...through(engine), context, stage: reason!.stage, stageReason: reason, today });
    expect(again?.map((s) => s.id)).toEqual(['pricing']);
    expect(again?.[0]?.reasons[0]).toEqual({ kind: 'crm-stage', field: 'Opportunity stage', crmStage: 'Proposal/Price Quote', stage: 'conversion' });
    engine.remove(['pricing']);
  });

  test('industry and persona from the page rank matching items first and say so', async () => {
    const context: PageContext = {
      site: 'linkedin',
      supported: true,
      pageKind: 'profile',
      url: 'https://www.linkedin.com/in/dana/',
      person: { fullName: 'Dana Whitfield', title: 'VP Operations at Northwind Logistics' },
      company: 'Northwind Logistics',
      editor: null,
    };
    const list = await suggest({ ...through(engine), context, stage: 'interest', stageReason: null, today });
    expect(list?.[0]?.id).toBe('nordhafen-case-study');
    expect(list?.[0]?.reasons).toEqual(
      expect.arrayContaining([
        { kind: 'industry', value: 'logistics' },
        { kind: 'persona', value: 'vp-operations' },
      ]),
    );
  });

  test('stale items sink below fresh ones of the same stage', async () => {
    const list = await suggest({ ...through(engine), context: undefined, stage: 'awareness', stageReason: null, today });
    expect(list?.map((s) => s.id)).toEqual(['cold-intro', 'old-deck']);
  });
});
