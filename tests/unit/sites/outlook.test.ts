import { describe, expect, test } from 'vitest';
import { insertContent } from '../../../lib/editors/insert';
import { pageContextSchema, type PageContext } from '../../../lib/schema/page-context';
import { outlook, outlookInternals } from '../../../lib/sites/outlook';
import { readPageContext, resolvePage } from '../../../lib/sites/page';
import { adapterFor } from './site-adapters';
import { variantsOf } from '../../fixtures/variants/generate';
import type { Lang } from '../../fixtures/variants/types';
import { loadFixture, loadPage } from './load-fixture';

const NEW = 'https://outlook.office.com/mail/inbox/id/AAQkADdkYzE0ZTgyLTc2NjQtNDFlNC1hZjI1LTQyYmI4ZTc3YWQ2NQAQAOqUoq9d0xVKm4b8Xo3Ypq4%3D';
const THREAD = 'https://outlook.office.com/mail/inbox/id/AAQkADdkYzE0ZTgyLTc2NjQtNDFlNC1hZjI1LTQyYmI4ZTc3YWQ2NQAQAFfT0oX3n1NMqEjtJ6GQ0wM%3D';
const POPOUT = 'https://outlook.office.com/mail/deeplink/compose/AAQkADdkYzE0ZTgyLTc2NjQtNDFlNC1hZjI1LTQyYmI4ZTc3YWQ2NQAQAHc9Vb2mJ0dNo8sY0Ufx3aA%3D?popoutv2=1';
const SELF = 'maria.lopez@quiver-demo.com';

const newCompose = () => loadFixture('outlook-new-compose.html', NEW);
const thread = () => loadFixture('outlook-thread-reply.html', THREAD);
const popout = () => loadFixture('outlook-popout-compose.html', POPOUT);

/** Reads run in one task share what they found; a test that changes the page lets that go first. */
const settle = () => new Promise((r) => setTimeout(r, 0));

function everyEmail(context: unknown): string[] {
  return [...JSON.stringify(context).matchAll(/"email":"([^"]+)"/g)].map((m) => m[1]!);
}

function valid(context: PageContext): PageContext {
  expect(pageContextSchema.parse(context)).toEqual(context);
  return context;
}

/**
 * Beyond a new build: Fluent's own component classes gone too (a move to another Fluent
 * version), on the page as the variant generator translates it (tests/fixtures/variants).
 */
async function inLanguageEveryClassRenamed(fixture: string, lang: Lang, url: string) {
  const variant = variantsOf(fixture).find((v) => v.kind === lang)!;
  const page = await loadPage(variant.html, url);
  let n = 0;
  for (const el of page.document.querySelectorAll('[class]')) el.setAttribute('class', `x${(n++).toString(36)}Q${n % 7}`);
  return { ...page, variant };
}

const LANGS: Lang[] = ['ru', 'de', 'fr', 'es'];

describe('Outlook: a new message in the reading pane, another draft hidden before it', () => {
  test('the context is the new message: its recipient, company, no subject yet, not a reply', async () => {
    const { document, url } = await newCompose();
    const context = valid(readPageContext(outlook, document, url));
    expect(context).toMatchObject({
      site: 'outlook',
      supported: true,
      pageKind: 'compose',
      person: { fullName: 'Priya Raman', firstName: 'Priya', lastName: 'Raman', email: 'priya.raman@brightcart.io' },
      company: 'Brightcart',
      isReply: false,
      editor: { kind: 'rich', label: 'Message body' },
    });
    expect(context.recipients).toEqual([context.person]);
    expect(context.subject).toBeUndefined();
    expect(context.threadLength).toBeUndefined();
    // Nothing of the hidden draft or the conversation the URL points at leaks in.
    expect(JSON.stringify(context)).not.toMatch(/Oliver|harbourline|Dana|northwind/i);
  });

  test('the editor is the new message’s body, though a hidden draft and a read-only “Message body” come first', async () => {
    const { document, url } = await newCompose();
    const labelled = [...document.querySelectorAll('[aria-label="Message body"]')].map((el) => el.id);
    expect(labelled).toEqual(['draft-body-oliver', 'UniqueMessageBody_1', 'new-body']);
    const { editor } = resolvePage(outlook, document, url);
    expect(editor?.element.id).toBe('new-body');
    expect(editor?.subject?.id).toBe('MSG_7c4f1b2e9d3_SUBJECT');
    expect(editor?.caretAt).toBe('start');
    expect(outlook.findEditors(document, url, null).map((e) => e.element.id)).toEqual(['new-body']);
  });

  test('a read-only message body is never an editor, even shown and even when the label is all there is', async () => {
    const { document, url } = await newCompose();
    (document.querySelector('[data-app-section="MailReadCompose"]') as HTMLElement).style.display = '';
    for (const body of document.querySelectorAll('[aria-multiline], [textprediction]')) {
      body.removeAttribute('aria-multiline');
      body.removeAttribute('textprediction');
    }
    for (const parent of document.querySelectorAll('[id^="editorParent_"]')) parent.removeAttribute('id');
    const { editor, context } = resolvePage(outlook, document, url);
    expect(editor?.element.id).toBe('new-body');
    expect(context.pageKind).toBe('compose');
    expect(outlook.describeEditor(document.getElementById('UniqueMessageBody_1')!)).toBeNull();
  });

  test('the rep in the To field means that compose’s body, not the field', async () => {
    const { document, url } = await newCompose();
    document.getElementById('to-well-new')!.focus();
    const { editor, context } = resolvePage(outlook, document, url);
    expect(editor?.element.id).toBe('new-body');
    expect(context.person?.email).toBe('priya.raman@brightcart.io');
  });

  test('the draft the rep was last in no longer counts once its tab is hidden', async () => {
    const { document, url } = await newCompose();
    const hidden = document.getElementById('draft-body-oliver')!;
    const { editor, context } = resolvePage(outlook, document, url, { lastEditor: hidden, lastFocused: hidden });
    expect(editor?.element.id).toBe('new-body');
    expect(context.person?.fullName).toBe('Priya Raman');
  });

  test('the signed-in rep is known from the account manager, folder pane, From and signature, and is never a recipient', async () => {
    const { document, url } = await newCompose();
    expect([...outlookInternals.whoAmI(document).emails]).toEqual([SELF]);
    for (const id of ['new-body', 'to-well-new', 'MSG_7c4f1b2e9d3_SUBJECT']) {
      document.getElementById(id)!.focus();
      const emails = everyEmail(readPageContext(outlook, document, url));
      expect(emails.length).toBeGreaterThan(0);
      expect(emails).not.toContain(SELF);
    }
  });

  test('the rep copying herself stays out of the recipients', async () => {
    const { document, url } = await newCompose();
    const well = document.getElementById('to-well-new')!;
    const chip = well.firstElementChild!.cloneNode(true) as Element;
    const card = chip.querySelector('[data-lpc-hover-target-id]')!;
    card.setAttribute('title', SELF);
    card.setAttribute('aria-label', 'Maria Lopez');
    card.querySelector('[class^="individualText"]')!.textContent = 'Maria Lopez';
    well.prepend(chip);
    const context = readPageContext(outlook, document, url);
    expect(context.person?.fullName).toBe('Priya Raman');
    expect(context.recipients).toHaveLength(1);
    expect(everyEmail(context)).not.toContain(SELF);
  });

  test('one Quiver button slot, after the visible compose’s Send split button', async () => {
    const { document, url } = await newCompose();
    const slots = outlook.buttonSlots!(document, url);
    expect(slots).toHaveLength(1);
    expect(slots[0]!.where).toBe('after');
    expect(slots[0]!.anchor.querySelector('button[aria-label="Send"]')).not.toBeNull();
    expect((slots[0]!.scope as Element).id).toBe('docking_InitVisiblePart_1');
  });

  test('Insert lands in the new message above the signature, the editor hears it, the subject is filled, and Outlook’s own undo takes it out', async () => {
    const { document, url, window } = await newCompose();
    const body = document.getElementById('new-body')!;
    const draft = document.getElementById('draft-body-oliver')!;
    const before = body.innerHTML;
    const draftBefore = draft.innerHTML;
    const { editor } = resolvePage(outlook, document, url);
    const result = insertContent(
      editor,
      { html: '<p>Hi Priya,</p><p>Here is the checkout case study.</p>', text: 'Hi Priya,', subject: 'Checkout case study' },
      { win: window },
    );
    expect(result).toEqual({ ok: true, editor: 'Message body', subjectFilled: true });
    expect(body.textContent).toMatch(/^Hi Priya,Here is the checkout case study\..*Maria Lopez/);
    expect(Number(body.dataset.inputEvents)).toBeGreaterThan(0);
    expect((document.getElementById('MSG_7c4f1b2e9d3_SUBJECT') as HTMLInputElement).value).toBe('Checkout case study');
    expect(draft.innerHTML).toBe(draftBefore);
    expect(draft.dataset.inputEvents).toBe('0');
    expect((document.getElementById('MSG_2b8e0a41c77_SUBJECT') as HTMLInputElement).value).toBe('Re: Q3 pricing');
    // Ctrl+Z, as RoosterJS takes it: back to its last snapshot, which is just before the insert.
    body.dispatchEvent(new window.KeyboardEvent('keydown', { key: 'z', ctrlKey: true, bubbles: true, cancelable: true }));
    expect(body.innerHTML).toBe(before);
  });

  test.each(LANGS)('the same in Outlook in %s, after every class was renamed, Fluent’s too', async (lang) => {
    const { document, url, variant } = await inLanguageEveryClassRenamed('outlook-new-compose.html', lang, NEW);
    const { editor, context } = resolvePage(outlook, document, url);
    expect(editor?.element.id).toBe('new-body');
    expect(editor?.label).toBe(variant.word('Message body'));
    expect(editor?.label).not.toBe('Message body');
    expect(editor?.subject?.id).toBe('MSG_7c4f1b2e9d3_SUBJECT');
    expect(context).toMatchObject({ pageKind: 'compose', isReply: false, person: { email: 'priya.raman@brightcart.io' }, company: 'Brightcart' });
    expect(everyEmail(context)).not.toContain(SELF);
    const slots = outlook.buttonSlots!(document, url);
    expect(slots).toHaveLength(1);
    expect(slots[0]!.anchor.textContent).toContain(variant.word('Send'));
  });

  test('each layer that finds Send holds when the ones before it are gone', async () => {
    const { document, url } = await newCompose();
    const send = () => outlook.buttonSlots!(document, url)[0]?.anchor.querySelector('button');
    const primary = document.getElementById('splitButton-r5m__primaryActionButton')!;
    for (const strip of [
      () => document.querySelectorAll('[data-testid]').forEach((el) => el.removeAttribute('data-testid')),
      () => primary.removeAttribute('id'),
      () => primary.setAttribute('aria-label', 'Senden'),
      () => primary.removeAttribute('aria-label'),
    ]) {
      strip();
      await settle();
      expect(send()).toBe(primary);
    }
  });
});

describe('Outlook: an inline Reply all in a thread with several people', () => {
  test('the reply: the person answered, Cc, thread length, the conversation’s subject', async () => {
    const { document, url } = await thread();
    const context = valid(readPageContext(outlook, document, url));
    expect(context).toMatchObject({
      site: 'outlook',
      pageKind: 'thread',
      isReply: true,
      threadLength: 4,
      subject: 'Fleet telematics pilot',
      person: { fullName: 'Dana Whitfield', firstName: 'Dana', email: 'dana@northwind-logistics.com' },
      company: 'Northwind Logistics',
      editor: { kind: 'rich', label: 'Message body' },
    });
    // The chips show names only: the addresses come from the conversation and the quoted header.
    expect(context.recipients?.map((r) => r.email)).toEqual(['dana@northwind-logistics.com', 'tom.becker@northwind-logistics.com']);
    expect(everyEmail(context)).not.toContain(SELF);
    expect(JSON.stringify(context)).not.toContain('Maria');
  });

  test('the editor is the reply’s body below the read-only ones, with no subject to fill', async () => {
    const { document, url } = await thread();
    const { editor } = resolvePage(outlook, document, url);
    expect(editor?.element.id).toBe('reply-body');
    expect(editor?.subject ?? null).toBeNull();
    expect(outlook.findEditors(document, url, null)).toHaveLength(1);
  });

  test('the person answered comes first, wherever the To field lists them', async () => {
    const { document, url } = await thread();
    const [to, cc] = document.querySelectorAll('#docking_InitVisiblePart_0 [contenteditable="true"]:not([aria-multiline])');
    // The rep moved Tom to To, ahead of Dana.
    to!.prepend(cc!.firstElementChild!);
    expect(readPageContext(outlook, document, url).person?.fullName).toBe('Dana Whitfield');
  });

  test('when the recipient fields cannot be read, the author of the message answered is still the person', async () => {
    const { document, url } = await thread();
    for (const well of document.querySelectorAll('#docking_InitVisiblePart_0 [contenteditable="true"]:not([aria-multiline])')) well.remove();
    // And without persona cards in the conversation, the quoted header names the author.
    for (const card of document.querySelectorAll('[data-lpc-hover-target-id]')) card.removeAttribute('data-lpc-hover-target-id');
    for (const card of document.querySelectorAll('.lpcCommonWeb-hoverTarget')) card.removeAttribute('class');
    const context = readPageContext(outlook, document, url);
    expect(context.person).toMatchObject({ fullName: 'Dana Whitfield', email: 'dana@northwind-logistics.com' });
    expect(context.isReply).toBe(true);
  });

  test('the rep’s own message in the thread (name only) never makes her the person', async () => {
    const { document, url } = await thread();
    expect([...outlookInternals.whoAmI(document).emails]).toEqual([SELF]);
    // The rep replies to her own message: the last sender above the compose is her.
    const items = document.querySelectorAll('[data-app-section="ConversationContainer"] .AvaBt');
    items[3]!.remove();
    items[2]!.remove();
    await settle();
    const context = readPageContext(outlook, document, url);
    expect(JSON.stringify(context)).not.toContain('Maria');
    expect(context.person?.fullName).toBe('Dana Whitfield');
  });

  test('without Outlook’s section hooks or the quoted original, the reply is still known as one by where it sits', async () => {
    const { document, url } = await thread();
    for (const el of document.querySelectorAll('[data-app-section]')) el.removeAttribute('data-app-section');
    for (const el of document.querySelectorAll('#appendonsend, #divRplyFwdMsg, #reply-body hr, .x_elementToProof')) el.remove();
    expect(readPageContext(outlook, document, url)).toMatchObject({
      pageKind: 'thread',
      isReply: true,
      threadLength: 4,
      person: { fullName: 'Dana Whitfield' },
    });
  });

  test('a conversation without a compose: the latest other sender, no editor', async () => {
    const { document, url } = await thread();
    document.getElementById('docking_InitVisiblePart_0')!.remove();
    const context = valid(readPageContext(outlook, document, url));
    expect(context).toMatchObject({ pageKind: 'thread', threadLength: 4, subject: 'Fleet telematics pilot', editor: null });
    expect(context.person).toMatchObject({ fullName: 'Dana Whitfield', email: 'dana@northwind-logistics.com' });
    expect(context.isReply).toBeUndefined();
    expect(JSON.stringify(context)).not.toContain('Maria');
  });

  test('a Quiver button slot after the reply’s Send, found by its label when Outlook’s test hook is absent', async () => {
    const { document, url } = await thread();
    const slots = outlook.buttonSlots!(document, url);
    expect(slots).toHaveLength(1);
    expect(slots[0]!.anchor.classList.contains('ms-Button-splitContainer')).toBe(true);
    expect((slots[0]!.scope as Element).id).toBe('docking_InitVisiblePart_0');
  });

  test.each(LANGS)('the same in Outlook in %s, after every class was renamed, Fluent’s too', async (lang) => {
    const { document, url } = await inLanguageEveryClassRenamed('outlook-thread-reply.html', lang, THREAD);
    const { editor, context } = resolvePage(outlook, document, url);
    expect(editor?.element.id).toBe('reply-body');
    expect(context).toMatchObject({ pageKind: 'thread', isReply: true, threadLength: 4, person: { email: 'dana@northwind-logistics.com' } });
    expect(everyEmail(context)).not.toContain(SELF);
    expect(outlook.buttonSlots!(document, url)).toHaveLength(1);
  });
});

describe('Outlook: a popped-out compose window', () => {
  test('recipients from an unresolved address, a contact and a reopened draft’s chip; the written subject', async () => {
    const { document, url } = await popout();
    const context = valid(readPageContext(outlook, document, url));
    expect(context).toMatchObject({
      site: 'outlook',
      pageKind: 'compose',
      isReply: false,
      person: { fullName: 'Priya Raman', firstName: 'Priya', email: 'priya.raman@brightcart.io' },
      company: 'Brightcart',
      subject: 'Checkout drop-off at Brightcart',
    });
    expect(context.recipients?.map((r) => [r.fullName, r.email])).toEqual([
      ['Priya Raman', 'priya.raman@brightcart.io'],
      ['Jon Park', 'jon.park@brightcart.io'],
      ['Sam Ortiz', 'sam.ortiz@quiver-demo.com'],
    ]);
    expect(everyEmail(context)).not.toContain(SELF);
  });

  test('with no account manager in the window, the rep is known by the From field and signature', async () => {
    const { document } = await popout();
    expect(document.getElementById('mectrl_main_trigger')).toBeNull();
    expect([...outlookInternals.whoAmI(document).emails]).toEqual([SELF]);
  });

  test('the editor is the pop-out’s body, its subject offered (and kept, being written)', async () => {
    const { document, url, window } = await popout();
    const { editor } = resolvePage(outlook, document, url);
    expect(editor?.element.id).toBe('popout-body');
    expect(editor?.subject?.value).toBe('Checkout drop-off at Brightcart');
    const result = insertContent(editor, { html: '<p>Short note.</p>', text: 'Short note.', subject: 'Something else' }, { win: window });
    expect(result).toMatchObject({ ok: true, subjectFilled: false });
    expect(editor?.subject?.value).toBe('Checkout drop-off at Brightcart');
  });

  test('a Quiver button slot after Send', async () => {
    const { document, url } = await popout();
    const slots = outlook.buttonSlots!(document, url);
    expect(slots).toHaveLength(1);
    expect((slots[0]!.scope as Element).getAttribute('data-app-section')).toBe('Form_Content');
  });
});

describe('Outlook pages', () => {
  test('every Outlook host’s mail pages, and nothing else', () => {
    for (const href of [
      NEW,
      POPOUT,
      'https://outlook.office365.com/mail/inbox',
      'https://outlook.live.com/mail/0/inbox/id/AQMk',
      'https://outlook.cloud.microsoft/mail/',
    ]) {
      const url = new URL(href);
      expect(adapterFor(url)?.site).toBe('outlook');
      expect(outlook.serves?.(url)).toBe(true);
    }
    // Calendar and People share the hosts: the script runs there, the adapter reads nothing.
    for (const href of ['https://outlook.office.com/calendar/view/week', 'https://outlook.office.com/people/']) {
      expect(outlook.serves?.(new URL(href))).toBe(false);
    }
    for (const href of ['https://outlook.example.com/mail/', 'https://attacker.com/outlook.office.com/mail/']) {
      expect(adapterFor(new URL(href))).toBeNull();
    }
  });

  test('a folder with nothing open is the inbox; settings are not a page Quiver reads', async () => {
    const { document } = await thread();
    document.querySelector('[data-app-section="MailReadCompose"]')!.remove();
    expect(readPageContext(outlook, document, 'https://outlook.live.com/mail/0/inbox')).toMatchObject({
      site: 'outlook',
      supported: true,
      pageKind: 'inbox',
      editor: null,
    });
    expect(readPageContext(outlook, document, 'https://outlook.office.com/mail/options/mail/layout')).toMatchObject({ supported: false, pageKind: 'other' });
  });
});
