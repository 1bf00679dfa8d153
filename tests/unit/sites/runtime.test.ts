import { afterEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startContentScript } from '../../../lib/content-script/runtime';
import type { InsertResult } from '../../../lib/schema/messages';
import type { PageContext } from '../../../lib/schema/page-context';
import { loadFixture } from './load-fixture';
import { adapterFor } from './site-adapters';

/*
 * The content script's runtime on saved pages, with the extension side faked: what the panel
 * gets back for its messages, what the page sees, and what the extension is told.
 */

const stops: (() => void)[] = [];
afterEach(() => {
  stops.splice(0).forEach((stop) => stop());
  vi.restoreAllMocks();
});

async function start(name: string, url: string, ready?: (d: Document) => boolean) {
  const page = await loadFixture(name, url, ready);
  const controller = new page.window.AbortController();
  stops.push(() => controller.abort());
  const sent = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
  startContentScript(page.window, controller.signal, adapterFor(url)!);
  const ask = async (message: unknown) => (await fakeBrowser.runtime.onMessage.trigger(message, { id: fakeBrowser.runtime.id })).find((r) => r !== undefined);
  const announced = () =>
    sent.mock.calls
      .map((c) => c[0] as { type: string; context?: PageContext })
      .filter((m) => m.type === 'content->panel:context-changed')
      .map((m) => m.context!);
  return { ...page, sent, ask, announced };
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('Gmail: the panel gets the focused compose’s context, and Insert lands there with its subject', async () => {
  const { document, ask, announced } = await start('gmail-inbox-compose.html', 'https://mail.google.com/mail/u/0/#inbox');
  expect(announced()).toHaveLength(1);

  document.getElementById(':tn')!.focus();
  const context = (await ask({ type: 'panel->content:get-context' })) as PageContext;
  expect(context.person?.fullName).toBe('Priya Raman');

  const result = (await ask({
    type: 'panel->content:insert',
    payload: { html: '<p>Hi Priya,</p><p>Here is the checkout case study.</p>', text: 'Hi Priya,', subject: 'Checkout case study' },
  })) as InsertResult;
  expect(result).toEqual({ ok: true, editor: 'Message Body', subjectFilled: true });

  const second = document.getElementById('compose-2')!;
  const first = document.getElementById('compose-1')!;
  expect(second.querySelector('[g_editable]')!.textContent).toMatch(/^Hi Priya,Here is the checkout case study\./);
  expect((second.querySelector('input[name="subjectbox"]') as HTMLInputElement).value).toBe('Checkout case study');
  expect(Number((second.querySelector('.M9') as HTMLElement).dataset.inputEvents)).toBeGreaterThan(0);
  expect(first.querySelector('[g_editable]')!.textContent).not.toContain('checkout');
  expect((first.querySelector('input[name="subjectbox"]') as HTMLInputElement).value).toBe('Fleet idle time');
  expect((first.querySelector('.M9') as HTMLElement).dataset.inputEvents).toBe('0');
});

test('Gmail: each compose gets one Quiver button, which asks for the panel', async () => {
  const { document, sent } = await start('gmail-inbox-compose.html', 'https://mail.google.com/mail/u/0/#inbox');
  const hosts = document.querySelectorAll('.quiver-button-host');
  expect(hosts).toHaveLength(2);
  const button = hosts[1]!.shadowRoot!.querySelector('button')!;
  expect(button.getAttribute('aria-label')).toBe('Open Quiver');
  button.click();
  expect(sent).toHaveBeenCalledWith({ type: 'content->bg:open-panel' });
  // The compose the button sits in becomes the current one.
  expect(document.activeElement).toBe(document.getElementById(':tn'));
});

test('Gmail: a compose toolbar that re-renders gets its button back', async () => {
  const { document } = await start('gmail-inbox-compose.html', 'https://mail.google.com/mail/u/0/#inbox');
  const row = document.querySelector('#compose-1 tr.btC')!;
  expect(row.querySelectorAll('.quiver-button-host')).toHaveLength(1);
  // Gmail rebuilds the row from scratch.
  row.innerHTML = row.innerHTML.replace(/<td class="quiver-button-cell">[\s\S]*?<\/td>/, '');
  expect(row.querySelectorAll('.quiver-button-host')).toHaveLength(0);
  await vi.waitFor(() => expect(document.querySelectorAll('#compose-1 .quiver-button-host')).toHaveLength(1), { timeout: 3000 });
  expect(document.querySelectorAll('.quiver-button-host')).toHaveLength(2);

  // A re-render that copies the markup (the copy has no shadow root, so no button) is repaired.
  const cloneRow = row.cloneNode(true) as Element;
  row.replaceWith(cloneRow);
  await vi.waitFor(() => expect(document.querySelector('#compose-1 .quiver-button-host')?.shadowRoot?.querySelector('button')).toBeTruthy(), { timeout: 3000 });
  expect(document.querySelectorAll('#compose-1 .quiver-button-host')).toHaveLength(1);
});

test('when the extension goes away (update, disable), its buttons and listeners leave the page', async () => {
  const page = await loadFixture('gmail-inbox-compose.html', 'https://mail.google.com/mail/u/0/#inbox');
  const controller = new page.window.AbortController();
  startContentScript(page.window, controller.signal, adapterFor(page.url)!);
  expect(page.document.querySelectorAll('.quiver-button-host')).toHaveLength(2);
  controller.abort();
  expect(page.document.querySelectorAll('.quiver-button-host, .quiver-button-cell')).toHaveLength(0);
  expect(await fakeBrowser.runtime.onMessage.trigger({ type: 'panel->content:get-context' }, { id: fakeBrowser.runtime.id })).toEqual([]);
});

test('messages that do not parse get no answer', async () => {
  const { ask } = await start('gmail-inbox-compose.html', 'https://mail.google.com/mail/u/0/#inbox');
  expect(await ask({ type: 'panel->content:insert', payload: { html: 1 } })).toBeUndefined();
  expect(await ask({ type: 'panel->content:drop-tables' })).toBeUndefined();
  expect(await ask('panel->content:get-context')).toBeUndefined();
});

test('a page with no editor answers an insert with no-editor', async () => {
  const { ask } = await start('hubspot-dashboard-unrecognised.html', 'https://app.hubspot.com/reports-dashboard/24681357/view/9981');
  const context = (await ask({ type: 'panel->content:get-context' })) as PageContext;
  expect(context).toMatchObject({ site: 'hubspot', supported: false, editor: null });
  expect(await ask({ type: 'panel->content:insert', payload: { html: '<p>x</p>', text: 'x' } })).toEqual({ ok: false, reason: 'no-editor' });
});

test('HubSpot: a stage changed in place is announced, without any navigation', async () => {
  const { document, announced } = await start('hubspot-deal.html', 'https://app.hubspot.com/contacts/24681357/record/0-3/18273645501');
  expect(announced().at(-1)?.deal?.stage).toBe('Decision maker bought-in');
  (document.getElementById('dealstage-button') as HTMLElement).click();
  (document.querySelector('[data-option-value="contractsent"]') as HTMLElement).click();
  await vi.waitFor(() => expect(announced().at(-1)?.deal?.stage).toBe('Contract sent'), { timeout: 3000 });
});

test('typing in an editor does not make the content script read the page again', async () => {
  const { document, announced } = await start('hubspot-deal.html', 'https://app.hubspot.com/contacts/24681357/record/0-3/18273645501');
  const reads = vi.spyOn(document, 'querySelectorAll');
  const body = document.querySelector<HTMLElement>('[data-test-id="email-body"]')!;
  for (let i = 0; i < 5; i++) {
    body.querySelector('p')!.append(document.createTextNode('x'));
    body.dispatchEvent(new document.defaultView!.InputEvent('input', { bubbles: true, inputType: 'insertText' }));
  }
  await wait(400);
  expect(reads).not.toHaveBeenCalled();
  expect(announced()).toHaveLength(1);
});

test('in a child frame the script stays quiet: no listener, no message', async () => {
  const { window } = await loadFixture(
    'salesforce-opportunity.html',
    'https://quiver-demo.lightning.force.com/lightning/r/Opportunity/0065g00000XyZ1AAAQ/view',
    (d) => d.getElementById('activity-composer')?.dataset.editorReady === 'true',
  );
  const frameWin = (window.document.getElementById('email-body-frame') as HTMLIFrameElement).contentWindow as Window & typeof globalThis;
  const sent = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
  const controller = new frameWin.AbortController();
  stops.push(() => controller.abort());
  startContentScript(frameWin, controller.signal, adapterFor(window.location.href)!);
  expect(await fakeBrowser.runtime.onMessage.trigger({ type: 'panel->content:get-context' }, { id: fakeBrowser.runtime.id })).toEqual([]);
  expect(sent).not.toHaveBeenCalled();
});
