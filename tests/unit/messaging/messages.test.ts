import { describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { dispatch, listen, type Handlers } from '../../../lib/messaging/receive';
import { MessageError, messenger } from '../../../lib/messaging/send';
import { MESSAGES, parseMessage, receiverOf, senderOf, type MessageName } from '../../../lib/schema/messages';
import type { PageContext } from '../../../lib/schema/page-context';

/*
 * The one message layer (lib/schema/messages.ts, lib/messaging/): each message is declared
 * once, a receiver takes only what its schema accepts from a sender it accepts, a sender
 * cannot send what the receiver would refuse, and replies are parsed where they arrive.
 */

const context: PageContext = {
  site: 'gmail',
  supported: true,
  pageKind: 'compose',
  url: 'https://mail.google.com/mail/u/0/',
  editor: { kind: 'rich', label: 'Message Body' },
};

test('every message is named by who sends it to whom, from the contexts there are', () => {
  const contexts = ['content', 'panel', 'options', 'bg'];
  for (const name of Object.keys(MESSAGES) as MessageName[]) {
    expect(name).toMatch(/^[a-z]+->[a-z]+:[a-z-]+$/);
    expect(contexts).toContain(senderOf(name));
    expect(contexts).toContain(receiverOf(name));
    expect(senderOf(name)).not.toBe(receiverOf(name));
  }
});

// What the content script accepts, as it arrives: [message, accepted].
const toContent: [unknown, boolean][] = [
  [{ type: 'panel->content:get-context' }, true],
  [{ type: 'panel->content:get-context', extra: 'dropped' }, true],
  [{ type: 'panel->content:insert', payload: { html: '<p>Hi</p>', text: 'Hi' } }, true],
  [{ type: 'panel->content:insert', payload: { html: '<p>Hi</p>', text: 'Hi', subject: 'Idea for Northwind' } }, true],
  [{ type: 'panel->content:insert', payload: { html: '<p>Hi</p>' } }, false],
  [{ type: 'panel->content:insert', payload: { html: 'x'.repeat(1_000_001), text: '' } }, false],
  [{ type: 'panel->content:insert', payload: { html: '', text: '', subject: 's'.repeat(1001) } }, false],
  [{ type: 'panel->content:insert', payload: { html: 1, text: 'Hi' } }, false],
  [{ type: 'bg->content:open-palette' }, true],
  [{ type: 'bg->content:shortcuts-changed' }, true],
  // Another receiver's message, an unknown one, near misses, and not a message at all.
  [{ type: 'content->bg:open-panel' }, false],
  [{ type: 'content->panel:context-changed', context }, false],
  [{ type: 'panel->content:evil', payload: {} }, false],
  [{ type: 'panel->content:get-context ' }, false],
  [{ type: 'PANEL->CONTENT:GET-CONTEXT' }, false],
  [{ type: '__proto__' }, false],
  [{ type: 'constructor' }, false],
  [{ source: 'page', type: 'panel->content:insert' }, false],
  ['panel->content:get-context', false],
  [null, false],
  [undefined, false],
  [42, false],
];

test.each(toContent.map(([m, ok], i) => [i, m, ok] as const))('message %i reaches the content script: %#', (_i, message, accepted) => {
  const parsed = parseMessage(message, 'content');
  expect(parsed !== undefined).toBe(accepted);
  if (parsed) expect(parsed).not.toHaveProperty('extra');
});

describe('a receiver', () => {
  const handlers = (): Handlers<'content'> & Record<string, ReturnType<typeof vi.fn>> => ({
    'panel->content:get-context': vi.fn(() => context),
    'panel->content:insert': vi.fn(() => ({ ok: true as const, editor: 'Message Body', subjectFilled: false })),
    'bg->content:open-palette': vi.fn(() => 'opened' as const),
    'bg->content:shortcuts-changed': vi.fn(() => 'ignored'),
  });
  const anyone = () => true;

  test('answers a valid request with its handler’s reply, and never answers a notification', async () => {
    const h = handlers();
    expect(await dispatch('content', h, anyone, { type: 'panel->content:get-context' }, {})).toEqual(context);
    expect(dispatch('content', h, anyone, { type: 'bg->content:shortcuts-changed' }, {})).toBeUndefined();
    expect(h['bg->content:shortcuts-changed']).toHaveBeenCalledTimes(1);
  });

  test('hands the handler the parsed message, never what the sender added', () => {
    const h = handlers();
    void dispatch('content', h, anyone, { type: 'panel->content:insert', payload: { html: '<b>x</b>', text: 'x', onerror: 'y' }, also: 1 }, {});
    expect(h['panel->content:insert']).toHaveBeenCalledWith({ type: 'panel->content:insert', payload: { html: '<b>x</b>', text: 'x' } }, {});
  });

  test('ignores what does not parse, and what comes from a sender it does not accept', () => {
    const h = handlers();
    expect(dispatch('content', h, anyone, { type: 'panel->content:insert', payload: { html: 1 } }, {})).toBeUndefined();
    const onlyBg = (from: string) => from === 'bg';
    expect(dispatch('content', h, onlyBg, { type: 'panel->content:get-context' }, {})).toBeUndefined();
    expect(h['panel->content:get-context']).not.toHaveBeenCalled();
    expect(h['panel->content:insert']).not.toHaveBeenCalled();
  });

  test('listens on runtime.onMessage until told to stop', async () => {
    const stop = listen('panel', { 'content->panel:context-changed': vi.fn() }, anyone);
    const seen = vi.fn();
    const stop2 = listen('panel', { 'content->panel:context-changed': seen }, (_from, sender) => sender.frameId === 0);
    await fakeBrowser.runtime.onMessage.trigger({ type: 'content->panel:context-changed', context }, { frameId: 3 });
    expect(seen).not.toHaveBeenCalled();
    await fakeBrowser.runtime.onMessage.trigger({ type: 'content->panel:context-changed', context }, { frameId: 0 });
    expect(seen).toHaveBeenCalledWith({ type: 'content->panel:context-changed', context }, { frameId: 0 });
    stop();
    stop2();
    await fakeBrowser.runtime.onMessage.trigger({ type: 'content->panel:context-changed', context }, { frameId: 0 });
    expect(seen).toHaveBeenCalledTimes(1);
  });
});

describe('a sender', () => {
  test('sends the message as its schema writes it, and gets the reply parsed', async () => {
    const send = vi.fn(async () => ({ ok: true, editor: 'Message Body', subjectFilled: true, extra: 1 }));
    const tab = messenger('panel', 'content', send);
    expect(await tab.request('panel->content:insert', { payload: { html: '<p>x</p>', text: 'x' } })).toEqual({
      ok: true,
      editor: 'Message Body',
      subjectFilled: true,
    });
    expect(send).toHaveBeenCalledWith({ type: 'panel->content:insert', payload: { html: '<p>x</p>', text: 'x' } });
  });

  test('cannot send what the receiver would refuse: it fails at the sender, and nothing is sent', async () => {
    const send = vi.fn(async () => null);
    const bg = messenger('content', 'bg', send);
    await expect(bg.request('content->bg:render', { shortcut: 'x'.repeat(41), context })).rejects.toBeInstanceOf(MessageError);
    await expect(bg.notify('content->bg:open-panel')).resolves.toBeUndefined();
    await expect(
      messenger('content', 'panel', send).notify('content->panel:context-changed', { context: { ...context, url: 'u'.repeat(5000) } }),
    ).rejects.toBeInstanceOf(MessageError);
    expect(send).toHaveBeenCalledTimes(1);
  });

  test('a reply that does not fit the request’s schema, or none at all, rejects', async () => {
    const bg = messenger('content', 'bg', async () => ({ prefix: ';', key: 'Enter', shortcuts: [] }));
    await expect(bg.request('content->bg:get-shortcuts')).rejects.toBeInstanceOf(MessageError);
    const gone = messenger('content', 'bg', async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    await expect(gone.request('content->bg:get-shortcuts')).rejects.toThrow('Receiving end');
    // A notification nobody listens to is not an error.
    await expect(gone.notify('content->bg:load-palette')).resolves.toBeUndefined();
  });

  test('the compiler refuses a message the pair does not declare, a wrong field, and a wrong reply', () => {
    const send = async () => null;
    const fromContent = messenger('content', 'bg', send);
    const fromPanel = messenger('panel', 'content', send);
    const checks = [
      // @ts-expect-error: the panel does not send this; the content script does.
      () => fromPanel.request('content->bg:get-shortcuts'),
      // @ts-expect-error: an insert carries a payload.
      () => fromPanel.request('panel->content:insert'),
      // @ts-expect-error: the payload's text is a string.
      () => fromPanel.request('panel->content:insert', { payload: { html: '', text: 1 } }),
      // @ts-expect-error: a notification is not a request.
      () => fromContent.request('content->bg:open-panel'),
      // @ts-expect-error: a request is not a notification.
      () => fromContent.notify('content->bg:search', { request: { query: 'x' } }),
    ];
    const handlers: Handlers<'panel'> = {
      'content->panel:context-changed': ({ context: c }) => void c.url,
    };
    const wrongReply: Partial<Handlers<'content'>> = {
      // @ts-expect-error: get-context is answered with a page context.
      'panel->content:get-context': () => 'nothing',
    };
    expect(checks).toHaveLength(5);
    expect(handlers).toBeDefined();
    expect(wrongReply).toBeDefined();
  });
});
