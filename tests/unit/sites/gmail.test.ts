import { describe, expect, test } from 'vitest';
import { pageContextSchema } from '../../../lib/schema/page-context';
import { gmail, gmailInternals } from '../../../lib/sites/gmail';
import { readPageContext, resolvePage } from '../../../lib/sites/page';
import { variantsOf } from '../../fixtures/variants/generate';
import { loadFixture, loadPage } from './load-fixture';

const INBOX = 'https://mail.google.com/mail/u/0/#inbox';
const THREAD = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTzXbDcWkpQlSjbVhGWwLnCqH';
const SELF = 'maria.lopez@quiver-demo.com';

const inbox = () => loadFixture('gmail-inbox-compose.html', INBOX);
const thread = () => loadFixture('gmail-thread-reply.html', THREAD);

function everyEmail(context: unknown): string[] {
  return [...JSON.stringify(context).matchAll(/"email":"([^"]+)"/g)].map((m) => m[1]!);
}

describe('Gmail with two composes open', () => {
  test('the focused compose is the context: the second one, collapsed recipients and all', async () => {
    const { document, url } = await inbox();
    document.getElementById(':tn')!.focus();
    const context = readPageContext(gmail, document, url);
    expect(pageContextSchema.parse(context)).toEqual(context);
    expect(context).toMatchObject({
      site: 'gmail',
      supported: true,
      pageKind: 'compose',
      person: { fullName: 'Priya Raman', firstName: 'Priya', lastName: 'Raman', email: 'priya.raman@brightcart.io' },
      company: 'Brightcart',
      isReply: false,
      editor: { kind: 'rich', label: 'Message Body' },
    });
    expect(context.recipients).toEqual([context.person]);
    expect(context.subject).toBeUndefined();
  });

  test('the rep in the first compose’s To field makes that compose the context', async () => {
    const { document, url } = await inbox();
    document.getElementById(':qe')!.focus();
    const { context, editor } = resolvePage(gmail, document, url);
    expect(context.person).toMatchObject({ fullName: 'Dana Whitfield', email: 'dana@northwind-logistics.com' });
    expect(context.company).toBe('Northwind Logistics');
    expect(context.subject).toBe('Fleet idle time');
    expect(editor?.element.id).toBe(':qn');
  });

  test('with focus gone, the compose the rep was last in still counts', async () => {
    const { document, url } = await inbox();
    const first = document.getElementById(':qn')!;
    document.getElementById(':tn')!.focus();
    (document.activeElement as HTMLElement).blur();
    const { context, editor } = resolvePage(gmail, document, url, { lastEditor: first, lastFocused: first });
    expect(editor?.element).toBe(first);
    expect(context.person?.email).toBe('dana@northwind-logistics.com');
  });

  test('the signed-in rep is never a recipient, whichever compose is current', async () => {
    const { document, url } = await inbox();
    expect(gmailInternals.ownAddresses(document).has(SELF)).toBe(true);
    for (const id of [':qn', ':tn', ':qe']) {
      document.getElementById(id)!.focus();
      const emails = everyEmail(readPageContext(gmail, document, url));
      expect(emails.length).toBeGreaterThan(0);
      expect(emails).not.toContain(SELF);
    }
  });

  test('the signature is read line by line: its address is the rep’s own, not one glued to her name', async () => {
    for (const page of [inbox, thread]) {
      const { document } = await page();
      // The signature alone says who the rep is: no address in the title, account button or From.
      document.title = 'Inbox';
      for (const el of document.querySelectorAll('a[href^="https://accounts.google.com/SignOutOptions"], input[name="from"]')) el.remove();
      expect([...gmailInternals.ownAddresses(document)]).toEqual([SELF]);
    }
  });

  test('a rep known only by her signature, copied on her own email, is not a recipient', async () => {
    const { document, url } = await inbox();
    document.title = 'Inbox';
    for (const el of document.querySelectorAll('a[href^="https://accounts.google.com/SignOutOptions"], input[name="from"]')) el.remove();
    // The second compose's signature has no mailto link: the address is plain text under her name.
    const signature = document.querySelector('#compose-2 .gmail_signature > div')!;
    signature.innerHTML = 'Maria Lopez<br>Account Executive, Quiver Demo<br>maria.lopez@quiver-demo.com';
    document.querySelector('#compose-1 .gmail_signature')!.remove();
    document.getElementById(':tn')!.focus();
    const context = readPageContext(gmail, document, url);
    expect(context.person?.email).toBe('priya.raman@brightcart.io');
    expect(everyEmail(context)).not.toContain(SELF);
  });

  test('recipients come from the summary and hidden inputs when the chips are gone', async () => {
    const { document, url } = await inbox();
    // Gmail drops the chips of the second compose while its caret is in the body.
    document.querySelector('#compose-2 [role="listbox"]')!.remove();
    for (const input of document.querySelectorAll('#compose-2 input[type="hidden"][name="to"]')) input.remove();
    document.getElementById(':tn')!.focus();
    expect(readPageContext(gmail, document, url).person).toMatchObject({ firstName: 'Priya', lastName: 'Raman' });
  });

  test('each compose gets one Quiver button cell in its Send row', async () => {
    const { document, url } = await inbox();
    const slots = gmail.buttonSlots!(document, url);
    expect(slots).toHaveLength(2);
    for (const slot of slots) {
      expect(slot.anchor.localName).toBe('td');
      expect(slot.anchor.querySelector('[data-tooltip^="Send"]')).not.toBeNull();
      expect(slot.scope.classList.contains('M9')).toBe(true);
    }
  });

  test('each layer that finds Send holds when the ones before it are gone: tooltip in five languages, classes, place', async () => {
    // A new build (classes renamed) in Russian: the Russian tooltip finds Send.
    const renamed = variantsOf('gmail-inbox-compose.html').find((v) => v.kind === 'combined')!;
    const { document, url } = await loadPage(renamed.html, INBOX);
    const send = () => gmail.buttonSlots!(document, url).map((slot) => slot.anchor.textContent?.trim());
    expect(send()).toEqual(['Отправить', 'Отправить']);
    // In Italian, which Quiver does not list: the first labelled button below the body.
    for (const button of document.querySelectorAll('[data-tooltip^="Отправить"]')) {
      button.setAttribute('data-tooltip', 'Invia \u202a(Ctrl-Invio)\u202c');
      button.setAttribute('aria-label', 'Invia \u202a(Ctrl-Invio)\u202c');
      button.textContent = 'Invia';
    }
    await new Promise((r) => setTimeout(r, 0));
    expect(send()).toEqual(['Invia', 'Invia']);
  });

  test('an inbox with no compose is an inbox, with no editor', async () => {
    const { document, url } = await inbox();
    document.querySelector('.dw')!.remove();
    const context = readPageContext(gmail, document, url);
    expect(context).toMatchObject({ site: 'gmail', supported: true, pageKind: 'inbox', editor: null });
    expect(context.person).toBeUndefined();
  });

  test('settings are not a page Quiver reads', async () => {
    const { document } = await inbox();
    document.querySelector('.dw')!.remove();
    expect(readPageContext(gmail, document, 'https://mail.google.com/mail/u/0/#settings/general')).toMatchObject({ supported: false, pageKind: 'other' });
  });
});

describe('Gmail thread with an inline reply', () => {
  test('the reply: recipient, hidden Re: subject, thread length', async () => {
    const { document, url } = await thread();
    document.getElementById(':ue')!.focus();
    const context = readPageContext(gmail, document, url);
    expect(pageContextSchema.parse(context)).toEqual(context);
    expect(context).toMatchObject({
      site: 'gmail',
      pageKind: 'thread',
      isReply: true,
      threadLength: 4,
      subject: 'Re: Fleet telematics pilot',
      person: { fullName: 'Dana Whitfield', firstName: 'Dana', email: 'dana@northwind-logistics.com' },
      company: 'Northwind Logistics',
      editor: { kind: 'rich', label: 'Message Body' },
    });
    expect(everyEmail(context)).not.toContain(SELF);
  });

  test('the reply’s hidden subject is not offered for filling', async () => {
    const { document, url } = await thread();
    const { editor } = resolvePage(gmail, document, url);
    expect(editor?.element.id).toBe(':ue');
    expect(editor?.subject ?? null).toBeNull();
  });

  test('a thread without a reply open: the other participants, no editor', async () => {
    const { document, url } = await thread();
    document.querySelector('.ip.iq')!.remove();
    const context = readPageContext(gmail, document, url);
    expect(context).toMatchObject({ pageKind: 'thread', threadLength: 4, subject: 'Fleet telematics pilot', editor: null });
    expect(context.person?.email).toBe('dana@northwind-logistics.com');
    expect(everyEmail(context)).not.toContain(SELF);
  });
});
