import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { closeAllPages, HOSTILE_HTML, openFixture, openPanel } from '../fixtures/serve';
import { launchExtension, type ExtensionSession } from './support/extension';

let session: ExtensionSession;
beforeAll(async () => {
  session = await launchExtension();
});
afterEach(async () => {
  await closeAllPages(session);
});
afterAll(async () => {
  await session?.close();
});

test('a profile, then client-side navigation to another: the extension hears the new context', async () => {
  const linkedin = await openFixture(session, 'linkedin-profile.html');
  const panel = await openPanel(session, linkedin);
  expect(await panel.getContext()).toMatchObject({
    site: 'linkedin',
    pageKind: 'profile',
    person: { fullName: 'Dana Whitfield', firstName: 'Dana', title: 'VP Operations' },
    company: 'Northwind Logistics',
    location: 'Rotterdam, South Holland, Netherlands',
    editor: null,
  });

  // "People also viewed" → history.pushState, then the top card re-renders.
  await linkedin.bringToFront();
  await linkedin.locator('#pav-tom').click();
  await expect
    .poll(
      async () =>
        (await panel.received())
          .filter((m) => m.type === 'content->panel:context-changed')
          .map((m) => m.context)
          .at(-1),
      { timeout: 10_000 },
    )
    .toMatchObject({
      url: 'https://www.linkedin.com/in/tom-becker-9f8e7d/',
      person: { fullName: 'Tom Becker', title: 'Depot Manager' },
      location: 'Venlo, Limburg, Netherlands',
    });
});

test('the messaging page: text goes into the message box as plain text and LinkedIn’s Send comes alive', async () => {
  const linkedin = await openFixture(session, 'linkedin-messaging.html');
  await linkedin.locator('.msg-form__contenteditable').click();
  const panel = await openPanel(session, linkedin);
  expect(await panel.getContext()).toMatchObject({
    pageKind: 'messaging',
    person: { fullName: 'Dana Whitfield', title: 'VP Operations' },
    company: 'Northwind Logistics',
    inConversation: true,
    threadLength: 3,
    editor: { kind: 'plain', label: 'LinkedIn message to Dana Whitfield' },
  });
  const result = await panel.insert({
    html: `<p>Hi <b>Dana</b>,</p><p>Here is the fleet case study.</p>${HOSTILE_HTML}`,
    text: 'Hi Dana,\nHere is the fleet case study: https://example.com/northwind.pdf',
  });
  expect(result).toEqual({ ok: true, editor: 'LinkedIn message to Dana Whitfield', subjectFilled: false });
  const box = linkedin.locator('.msg-form__contenteditable');
  await expect.poll(() => box.innerText()).toMatch(/^Hi Dana,\s*\nHere is the fleet case study: https:\/\/example\.com\/northwind\.pdf\s*$/);
  expect(await box.locator('b, img, script, a').count()).toBe(0);
  expect(await linkedin.locator('.msg-form__send-button').isEnabled()).toBe(true);
  expect(Number(await linkedin.locator('form.msg-form').getAttribute('data-input-events'))).toBeGreaterThan(0);
  expect(await linkedin.evaluate(() => (window as unknown as { __executed: string[] }).__executed)).toEqual([]);
});

test('the messaging overlay inside a shadow root: found, filled, and it has the Quiver button', async () => {
  const linkedin = await openFixture(session, 'linkedin-profile-overlay.html');
  const box = linkedin.locator('.msg-overlay-conversation-bubble--is-active .msg-form__contenteditable');
  await box.click();
  const panel = await openPanel(session, linkedin);
  expect(await panel.getContext()).toMatchObject({
    pageKind: 'profile',
    person: { fullName: 'Priya Raman', title: 'Head of E-commerce Operations' },
    company: 'BrightCart',
    inConversation: true,
    editor: { kind: 'plain', label: 'LinkedIn message to Priya Raman' },
  });
  const result = await panel.insert({
    html: '<p>Hi Priya, the slides: https://example.com/returns.pdf</p>',
    text: 'Hi Priya, the slides: https://example.com/returns.pdf',
  });
  expect(result.ok).toBe(true);
  await expect.poll(() => box.innerText()).toContain('Hi Priya, the slides: https://example.com/returns.pdf');
  // The comment box on the page was not touched.
  expect(await linkedin.locator('.ql-editor').innerText()).toBe('\n');
  expect(await linkedin.locator('.msg-overlay-conversation-bubble--is-active .msg-form__send-button').isEnabled()).toBe(true);
  // Beside the overlay's message box, inside LinkedIn's shadow root.
  await expect
    .poll(() => linkedin.locator('.msg-overlay-conversation-bubble--is-active .msg-form__left-actions').getByRole('button', { name: 'Open Quiver' }).count())
    .toBe(1);
});
