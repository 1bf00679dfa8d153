import { getByRole, queryByRole } from '@testing-library/dom';
import { afterEach, beforeEach, expect, test, vi, type Mock } from 'vitest';
import type { PaletteClient } from '../../../lib/palette/client';
import type { PaletteHost, PaletteRequest } from '../../../lib/palette/host-contract';
import { Palette } from '../../../lib/palette/palette';
import type { PaletteItem, RenderReply } from '../../../lib/schema/messages';
import type { PageContext } from '../../../lib/schema/page-context';

/*
 * Share link in the quick palette: offered for the highlighted result when the background
 * says it may be shared, it inserts the link the background got from the server, titled with
 * the item, and records no insert of the item's content. The background's side runs against
 * a real server in tests/e2e/share-links.test.ts (panel) and tests/server/share-links.test.ts.
 */

const context: PageContext = {
  site: 'gmail',
  supported: true,
  pageKind: 'compose',
  url: 'https://mail.google.com/mail/u/0/',
  editor: { kind: 'rich', label: 'Message Body' },
};
const item = (id: string, title: string, extra: Partial<PaletteItem> = {}): PaletteItem => ({
  id,
  title,
  type: 'case_study',
  stages: ['interest'],
  summary: '',
  stale: false,
  expired: false,
  owner: 'maria@routewise.example',
  ...extra,
});
const LIBRARY = [item('cold-intro', 'Cold intro', { type: 'email_template' }), item('nordhafen', 'Nordhafen case study', { shareable: true })];
const LINK = 'http://127.0.0.1:8787/s/AAAAAAAAAAAAAAAAAAAAAA';
const shared: RenderReply = {
  ok: true,
  id: 'nordhafen',
  title: 'Nordhafen case study',
  payload: { html: `<a href="${LINK}">Nordhafen case study</a>`, text: `Nordhafen case study: ${LINK}` },
  missing: [],
  stale: false,
};

let root: ShadowRoot;
let host: PaletteHost & { insert: Mock<PaletteHost['insert']> };
let client: { search: Mock; render: Mock; used: Mock; share: Mock };
let palette: Palette;

beforeEach(() => {
  const shadowHost = document.createElement('quiver-palette');
  document.body.append(shadowHost);
  root = shadowHost.attachShadow({ mode: 'open' });
  const container = document.createElement('div');
  root.append(container);
  host = {
    request: null,
    palette: null,
    anchor: () => null,
    insert: vi.fn<PaletteHost['insert']>(() => ({ ok: true, editor: 'Message Body', subjectFilled: false })),
    restore: vi.fn(),
  } as never;
  client = { search: vi.fn(async () => LIBRARY), render: vi.fn(), used: vi.fn(), share: vi.fn(async () => shared) };
  palette = new Palette(container, { host, client: client as unknown as PaletteClient, win: window });
});
afterEach(() => palette.close(false));

const dialog = () => getByRole(root as unknown as HTMLElement, 'dialog', { name: 'Quiver' });
const settle = () => new Promise((r) => setTimeout(r, 0));
const key = (k: string, init: KeyboardEventInit = {}) =>
  getByRole(dialog(), 'combobox', { name: 'Search content' }).dispatchEvent(
    new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true, composed: true, ...init }),
  );

async function open(): Promise<PaletteRequest> {
  const request: PaletteRequest = { kind: 'search', context, openedAt: 0 };
  palette.open(request);
  await settle();
  return request;
}

test('Share link shows for a shareable result only, and inserts the link from the server titled with the item', async () => {
  const request = await open();
  // The template is highlighted: no Share link.
  expect(queryByRole(dialog(), 'button', { name: 'Share link' })).toBeNull();
  key('ArrowDown');
  getByRole(dialog(), 'button', { name: 'Share link' }).click();
  await settle();
  expect(client.share).toHaveBeenCalledWith('nordhafen', context);
  expect(host.insert).toHaveBeenCalledWith(request, shared.ok ? shared.payload : undefined);
  // A share is not a use of the item's content.
  expect(client.used).not.toHaveBeenCalled();
  expect(client.render).not.toHaveBeenCalled();
});

test('Alt+Enter shares too; a refusal from the server is shown, nothing inserted', async () => {
  client.share.mockResolvedValueOnce({ ok: false, reason: 'unavailable', message: 'Could not create a share link: your admin has turned share links off' });
  await open();
  key('ArrowDown');
  key('Enter', { altKey: true });
  await settle();
  expect(client.share).toHaveBeenCalledWith('nordhafen', context);
  expect(host.insert).not.toHaveBeenCalled();
  expect(getByRole(dialog(), 'status').textContent).toBe('Could not create a share link: your admin has turned share links off');
});
