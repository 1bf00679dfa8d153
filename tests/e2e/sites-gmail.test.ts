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

test('two composes open: the context and the insert follow the one the rep is in', async () => {
  const gmail = await openFixture(session, 'gmail-inbox-compose.html');
  // The rep clicks into the body of the second compose, on its empty first line.
  await gmail.locator('[id=":tn"] > div').first().click();
  const panel = await openPanel(session, gmail);

  const context = await panel.getContext();
  expect(context).toMatchObject({
    site: 'gmail',
    pageKind: 'compose',
    person: { fullName: 'Priya Raman', firstName: 'Priya', lastName: 'Raman', email: 'priya.raman@brightcart.io' },
    company: 'Brightcart',
    editor: { kind: 'rich', label: 'Message Body' },
  });
  expect(JSON.stringify(context)).not.toContain('maria.lopez@quiver-demo.com');

  const result = await panel.insert({
    html: `<p>Hi Priya,</p><p>Here is how BrightCart-size shops cut checkout drop-off.</p>${HOSTILE_HTML}`,
    text: 'Hi Priya,\n\nHere is how BrightCart-size shops cut checkout drop-off.',
    subject: 'Checkout drop-off: a case study',
  });
  expect(result).toEqual({ ok: true, editor: 'Message Body', subjectFilled: true });

  const second = gmail.locator('#compose-2');
  const first = gmail.locator('#compose-1');
  await expect.poll(() => second.locator('[g_editable="true"]').innerText()).toMatch(/^Hi Priya,\s+Here is how BrightCart-size shops/);
  // Above the signature, where the caret was.
  expect(await second.locator('[g_editable="true"]').innerText()).toMatch(/drop-off\.[\s\S]*--\s*Maria Lopez/);
  expect(await second.locator('input[name="subjectbox"]').inputValue()).toBe('Checkout drop-off: a case study');
  expect(Number(await second.locator('.M9').getAttribute('data-input-events'))).toBeGreaterThan(0);
  // The first compose is untouched.
  expect(await first.locator('[g_editable="true"]').innerText()).not.toContain('Priya');
  expect(await first.locator('input[name="subjectbox"]').inputValue()).toBe('Fleet idle time');
  expect(await first.locator('.M9').getAttribute('data-input-events')).toBe('0');
  // Nothing in the payload ran or survived in the page.
  await gmail.waitForTimeout(300);
  expect(await gmail.evaluate(() => (window as unknown as { __executed: string[] }).__executed)).toEqual([]);
  expect(await second.locator('[g_editable="true"] img, [g_editable="true"] script, [g_editable="true"] a[href^="javascript"]').count()).toBe(0);
});

test('a written subject is never replaced, and the first compose takes over when the rep moves there', async () => {
  const gmail = await openFixture(session, 'gmail-inbox-compose.html');
  await gmail.locator('[id=":qn"] > div').first().click();
  const panel = await openPanel(session, gmail);
  expect((await panel.getContext()).person?.email).toBe('dana@northwind-logistics.com');
  const result = await panel.insert({ html: '<p>Quick follow-up.</p>', text: 'Quick follow-up.', subject: 'Should not replace' });
  expect(result).toEqual({ ok: true, editor: 'Message Body', subjectFilled: false });
  expect(await gmail.locator('#compose-1 input[name="subjectbox"]').inputValue()).toBe('Fleet idle time');
  expect(await gmail.locator('#compose-1 [g_editable="true"]').innerText()).toContain('Quick follow-up.');
  // The insert is one step in the page's own undo history: Ctrl+Z takes it back out.
  await gmail.bringToFront();
  await gmail.keyboard.press('Control+z');
  await expect.poll(() => gmail.locator('#compose-1 [g_editable="true"]').innerText()).not.toContain('Quick follow-up.');
  expect(await gmail.locator('#compose-1 [g_editable="true"]').innerText()).toContain('Thanks for your time on Tuesday.');
});

test('the caret is restored after the rep clicked elsewhere in the page (which moved the selection)', async () => {
  const gmail = await openFixture(session, 'gmail-inbox-compose.html');
  await gmail.locator('[id=":qn"] div', { hasText: 'Thanks for your time on Tuesday.' }).click();
  await gmail.keyboard.press('End');
  // A click on text below the message list moves the document's selection out of the compose.
  await gmail.getByText('2.1 GB of 15 GB used').click();
  expect(await gmail.evaluate(() => document.getSelection()?.anchorNode?.textContent)).toBe('2.1 GB of 15 GB used');
  const panel = await openPanel(session, gmail);
  expect((await panel.getContext()).person?.fullName).toBe('Dana Whitfield');
  expect(await panel.insert({ html: '<span>Here is the idle-time case study.</span>', text: 'Here is the idle-time case study.' })).toMatchObject({ ok: true });
  // Right where the caret was: the end of that line, not the start of the message.
  await expect
    .poll(() => gmail.locator('[id=":qn"]').innerText())
    .toMatch(/^Hi Dana,\s+Thanks for your time on Tuesday\.\s*Here is the idle-time case study\./);
});

test('each compose has an Open Quiver button in its Send row that asks for the side panel', async () => {
  const gmail = await openFixture(session, 'gmail-inbox-compose.html');
  const panel = await openPanel(session, gmail);
  const buttons = gmail.getByRole('button', { name: 'Open Quiver' });
  await expect.poll(() => buttons.count()).toBe(2);
  // It sits in the toolbar row, in a cell of its own.
  expect(await gmail.locator('#compose-2 tr.btC > td.quiver-button-cell').count()).toBe(1);
  await gmail.bringToFront();
  await buttons.nth(1).click();
  await expect.poll(async () => (await panel.received()).some((m) => m.type === 'content->bg:open-panel')).toBe(true);
  // Clicking it made the second compose the current one.
  await expect.poll(async () => (await panel.getContext()).person?.fullName).toBe('Priya Raman');
});

test('a thread with an inline reply: reply context, thread length, hidden subject left alone', async () => {
  const gmail = await openFixture(session, 'gmail-thread-reply.html');
  await gmail.locator('[id=":ue"] > div').first().click();
  const panel = await openPanel(session, gmail);
  expect(await panel.getContext()).toMatchObject({
    pageKind: 'thread',
    isReply: true,
    threadLength: 4,
    subject: 'Re: Fleet telematics pilot',
    person: { fullName: 'Dana Whitfield', email: 'dana@northwind-logistics.com' },
    company: 'Northwind Logistics',
  });
  const result = await panel.insert({
    html: '<p>Hi Dana, here is the case study.</p>',
    text: 'Hi Dana, here is the case study.',
    subject: 'Ignored for replies',
  });
  expect(result).toEqual({ ok: true, editor: 'Message Body', subjectFilled: false });
  expect(await gmail.locator('[id=":ue"]').innerText()).toMatch(/^Hi Dana, here is the case study\./);
  expect(Number(await gmail.locator('.ip .M9').getAttribute('data-input-events'))).toBeGreaterThan(0);
});
