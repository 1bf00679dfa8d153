import { getByRole, queryByRole } from '@testing-library/dom';
import { afterEach, beforeEach, describe, expect, test, vi, type Mock } from 'vitest';
import type { PaletteClient } from '../../../lib/palette/client';
import type { PaletteHost, PaletteRequest } from '../../../lib/palette/host-contract';
import { Palette } from '../../../lib/palette/palette';
import type { PaletteItem, RenderReply } from '../../../lib/schema/messages';
import type { PageContext } from '../../../lib/schema/page-context';

/*
 * The palette as a keyboard user meets it, in a shadow root like on the page: search box,
 * results, arrows, Enter, Escape, the fill form, and what expired and stale items look like.
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
  type: 'email_template',
  stages: ['engagement'],
  summary: `About ${title}`,
  stale: false,
  expired: false,
  owner: 'maria.keller@routewise.example',
  ...extra,
});

const LIBRARY = [
  item('cold-intro', 'Cold intro', { shortcut: 'intro' }),
  item('demo-follow-up', 'Demo follow-up'),
  item('q3-promo', 'Q3 2026 promotion', { expired: true, owner: 'aisha.okafor@routewise.example' }),
  item('trackhive', 'Battlecard: TrackHive', { type: 'battlecard', stale: true, owner: 'aisha.okafor@routewise.example' }),
];

const ok = (id: string, missing: { name: string; label: string }[] = []): RenderReply => ({
  ok: true,
  id,
  title: LIBRARY.find((i) => i.id === id)?.title ?? id,
  payload: { html: `<p>${id} body</p>`, text: `${id} body` },
  missing,
  stale: false,
});

let root: ShadowRoot;
let host: PaletteHost & { insert: Mock<PaletteHost['insert']>; restore: Mock<PaletteHost['restore']> };
let client: { search: ReturnType<typeof vi.fn>; render: ReturnType<typeof vi.fn>; used: ReturnType<typeof vi.fn> };
let palette: Palette;

beforeEach(() => {
  document.body.innerHTML = '<div id="page"><div id="ed" contenteditable="true"></div></div>';
  const shadowHost = document.createElement('quiver-palette');
  document.body.append(shadowHost);
  root = shadowHost.attachShadow({ mode: 'open' });
  const container = document.createElement('div');
  root.append(container);
  host = {
    request: null,
    palette: null,
    anchor: () => ({ top: 100, left: 40, bottom: 118, right: 500 }),
    insert: vi.fn<PaletteHost['insert']>(() => ({ ok: true, editor: 'Message Body', subjectFilled: false })),
    restore: vi.fn<PaletteHost['restore']>(),
  };
  client = {
    search: vi.fn(async (query: string) => LIBRARY.filter((i) => i.title.toLowerCase().includes(query.toLowerCase()))),
    render: vi.fn(async (id: string) =>
      id === 'q3-promo' ? { ok: false, reason: 'expired', message: 'Expired on 2026-09-30. Ask aisha.okafor@routewise.example.' } : ok(id),
    ),
    used: vi.fn(),
  };
  palette = new Palette(container, { host, client: client as unknown as PaletteClient, win: window, now: () => 5_000 });
});

afterEach(() => {
  palette.close(false);
  vi.useRealTimers();
});

const dialog = () => getByRole(root as unknown as HTMLElement, 'dialog', { name: 'Quiver' });
/** Whether the palette is out of sight (a hidden dialog has no role to find it by). */
const closed = () => root.querySelector<HTMLElement>('[role="dialog"]')!.hidden;
const searchBox = () => getByRole(dialog(), 'combobox', { name: 'Search content' });
const options = () => [...root.querySelectorAll<HTMLElement>('[role="option"]')];
const selected = () => options().find((o) => o.getAttribute('aria-selected') === 'true');
const settle = () => new Promise((r) => setTimeout(r, 0));

function key(target: Element, k: string, init: KeyboardEventInit = {}): void {
  target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true, composed: true, ...init }));
}

function typeQuery(text: string): void {
  const box = searchBox() as HTMLInputElement;
  box.value = text;
  box.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

async function openSearch(): Promise<PaletteRequest> {
  const request: PaletteRequest = { kind: 'search', context, openedAt: 1_000 };
  palette.open(request);
  await settle();
  return request;
}

describe('search and keyboard', () => {
  test('opens as a dialog named Quiver, the search box focused and the library listed', async () => {
    await openSearch();
    expect(dialog()).toBeVisible();
    expect(root.activeElement).toBe(searchBox());
    expect(getByRole(dialog(), 'listbox', { name: 'Quiver results' })).toBeTruthy();
    expect(options().map((o) => o.querySelector('.title')!.textContent)).toEqual(LIBRARY.map((i) => i.title));
    expect(selected()?.textContent).toMatch(/^Cold intro/);
    expect(searchBox().getAttribute('aria-activedescendant')).toBe(selected()!.id);
  });

  test('arrows move the highlight and wrap around; Enter inserts the highlighted item', async () => {
    const request = await openSearch();
    key(searchBox(), 'ArrowDown');
    expect(selected()?.textContent).toMatch(/^Demo follow-up/);
    expect(searchBox().getAttribute('aria-activedescendant')).toBe(selected()!.id);
    key(searchBox(), 'ArrowUp');
    key(searchBox(), 'ArrowUp');
    expect(selected()?.textContent).toMatch(/^Battlecard: TrackHive/);
    key(searchBox(), 'ArrowDown');
    key(searchBox(), 'ArrowDown');
    expect(selected()?.textContent).toMatch(/^Demo follow-up/);

    key(searchBox(), 'Enter');
    await settle();
    expect(client.render).toHaveBeenCalledWith('demo-follow-up', context, undefined);
    expect(host.insert).toHaveBeenCalledWith(request, { html: '<p>demo-follow-up body</p>', text: 'demo-follow-up body' });
    expect(client.used).toHaveBeenCalledWith('demo-follow-up', 'palette', context, 4_000);
    expect(closed()).toBe(true);
    // The insert itself put focus back in the editor.
    expect(host.restore).not.toHaveBeenCalled();
  });

  test('typing searches once the rep pauses; a late answer to an earlier query is dropped', async () => {
    await openSearch();
    const answers: ((items: PaletteItem[]) => void)[] = [];
    client.search.mockImplementation(() => new Promise((resolve) => answers.push(resolve)));
    vi.useFakeTimers();
    typeQuery('d');
    await vi.advanceTimersByTimeAsync(100);
    typeQuery('demo');
    await vi.advanceTimersByTimeAsync(100);
    expect(client.search.mock.calls.slice(-2)).toEqual([['d'], ['demo']]);
    answers[1]!([LIBRARY[1]!]);
    await vi.advanceTimersByTimeAsync(0);
    answers[0]!([LIBRARY[0]!, LIBRARY[1]!]);
    await vi.advanceTimersByTimeAsync(0);
    expect(options().map((o) => o.querySelector('.title')!.textContent)).toEqual(['Demo follow-up']);
  });

  test('nothing found says so; no answer from the background says that instead', async () => {
    await openSearch();
    vi.useFakeTimers();
    typeQuery('zzz');
    await vi.advanceTimersByTimeAsync(100);
    expect(options()).toEqual([]);
    expect(getByRole(dialog(), 'status').textContent).toBe('Nothing matches “zzz”.');
    client.search.mockRejectedValue(new Error('Could not establish connection'));
    typeQuery('roi');
    await vi.advanceTimersByTimeAsync(100);
    expect(getByRole(dialog(), 'status').textContent).toBe('Quiver is not answering. Reload the page and try again.');
  });

  test('Escape closes and gives the editor its focus back', async () => {
    const request = await openSearch();
    key(searchBox(), 'Escape');
    expect(closed()).toBe(true);
    expect(host.restore).toHaveBeenCalledWith(request);
    expect(host.insert).not.toHaveBeenCalled();
  });

  test('a click outside closes it without taking focus back from where the rep clicked', async () => {
    await openSearch();
    document.getElementById('page')!.dispatchEvent(new Event('pointerdown', { bubbles: true, composed: true }));
    expect(closed()).toBe(true);
    expect(host.restore).not.toHaveBeenCalled();
  });
});

describe('governance in the list', () => {
  test('an expired item is shown disabled with its owner; Enter shows why and inserts nothing', async () => {
    await openSearch();
    const expired = options()[2]!;
    expect(expired.getAttribute('aria-disabled')).toBe('true');
    expect(expired.querySelector('.badge')!.textContent).toBe('Expired');
    expect(expired.textContent).toContain('Expired: it cannot be inserted. Ask aisha.okafor@routewise.example for a current version.');
    key(searchBox(), 'ArrowDown');
    key(searchBox(), 'ArrowDown');
    key(searchBox(), 'Enter');
    await settle();
    expect(getByRole(dialog(), 'status').textContent).toBe('Expired on 2026-09-30. Ask aisha.okafor@routewise.example.');
    expect(host.insert).not.toHaveBeenCalled();
    expect(client.used).not.toHaveBeenCalled();
    expect(closed()).toBe(false);
  });

  test('an item listed as expired is not inserted even if the render went through', async () => {
    await openSearch();
    client.render.mockResolvedValue(ok('q3-promo'));
    key(searchBox(), 'ArrowUp');
    key(searchBox(), 'ArrowUp');
    key(searchBox(), 'Enter');
    await settle();
    expect(host.insert).not.toHaveBeenCalled();
    expect(getByRole(dialog(), 'status').textContent).toContain('aisha.okafor@routewise.example');
  });

  test('a stale item has a Stale badge and names its owner', async () => {
    await openSearch();
    const stale = options()[3]!;
    expect(stale.querySelector('.badge')!.textContent).toBe('Stale');
    expect(stale.getAttribute('aria-disabled')).toBeNull();
    expect(stale.textContent).toContain('Owner: aisha.okafor@routewise.example');
  });
});

describe('the fill form', () => {
  const missing = [
    { name: 'my.full_name', label: 'Your name' },
    { name: 'deal_name', label: 'Deal name' },
  ];

  test('asks for what the page lacks, then inserts with those values', async () => {
    const request = await openSearch();
    client.render.mockResolvedValueOnce(ok('demo-follow-up', missing));
    key(searchBox(), 'ArrowDown');
    key(searchBox(), 'Enter');
    await settle();
    const form = getByRole(dialog(), 'form', { name: 'Fill in before inserting' });
    const name = getByRole(form, 'textbox', { name: 'Your name' }) as HTMLInputElement;
    expect(root.activeElement).toBe(name);
    expect(host.insert).not.toHaveBeenCalled();

    // Submitting with a field empty keeps the form, focused on what is missing.
    name.value = 'Sam Ortiz';
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle();
    expect(client.render).toHaveBeenCalledTimes(1);
    const deal = getByRole(form, 'textbox', { name: 'Deal name' }) as HTMLInputElement;
    expect(root.activeElement).toBe(deal);

    deal.value = ' Northwind Fleet Expansion ';
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle();
    expect(client.render).toHaveBeenLastCalledWith('demo-follow-up', context, { 'my.full_name': 'Sam Ortiz', deal_name: 'Northwind Fleet Expansion' });
    expect(host.insert).toHaveBeenCalledWith(request, expect.objectContaining({ text: 'demo-follow-up body' }));
    expect(client.used).toHaveBeenCalledWith('demo-follow-up', 'palette', context, 4_000);
  });

  test('Escape in the form goes back to the results, a second Escape to the editor', async () => {
    await openSearch();
    client.render.mockResolvedValueOnce(ok('demo-follow-up', missing));
    key(searchBox(), 'Enter');
    await settle();
    const form = getByRole(dialog(), 'form', { name: 'Fill in before inserting' });
    key(getByRole(form, 'textbox', { name: 'Your name' }), 'Escape');
    expect(queryByRole(dialog(), 'form')).toBeNull();
    expect(root.activeElement).toBe(searchBox());
    expect(host.restore).not.toHaveBeenCalled();
    key(searchBox(), 'Escape');
    expect(host.restore).toHaveBeenCalled();
  });

  test('opened by a typed shortcut: straight to the form, recorded as a shortcut use, Escape back to the editor', async () => {
    const request: PaletteRequest = { kind: 'fill', context, openedAt: 4_500, id: 'demo-follow-up', title: 'Demo follow-up', missing: missing.slice(0, 1) };
    palette.open(request);
    const form = getByRole(dialog(), 'form', { name: 'Fill in before inserting' });
    expect(form.textContent).toContain('Demo follow-up');
    expect(queryByRole(dialog(), 'combobox')).toBeNull();
    expect(client.search).not.toHaveBeenCalled();
    (getByRole(form, 'textbox', { name: 'Your name' }) as HTMLInputElement).value = 'Sam Ortiz';
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle();
    expect(host.insert).toHaveBeenCalledWith(request, expect.anything());
    expect(client.used).toHaveBeenCalledWith('demo-follow-up', 'shortcut', context, 500);

    palette.open({ ...request });
    key(getByRole(dialog(), 'textbox', { name: 'Your name' }), 'Escape');
    expect(closed()).toBe(true);
    expect(host.restore).toHaveBeenCalledTimes(1);
  });

  test('Tab keeps focus inside the dialog', async () => {
    await openSearch();
    client.render.mockResolvedValueOnce(ok('demo-follow-up', missing.slice(0, 1)));
    key(searchBox(), 'Enter');
    await settle();
    const form = getByRole(dialog(), 'form', { name: 'Fill in before inserting' });
    const [field, cancel, insert] = [getByRole(form, 'textbox'), getByRole(form, 'button', { name: 'Cancel' }), getByRole(form, 'button', { name: 'Insert' })];
    expect(root.activeElement).toBe(field);
    key(field, 'Tab');
    expect(root.activeElement).toBe(cancel);
    key(cancel, 'Tab');
    expect(root.activeElement).toBe(insert);
    key(insert, 'Tab');
    expect(root.activeElement).toBe(field);
    key(field, 'Tab', { shiftKey: true });
    expect(root.activeElement).toBe(insert);
  });
});
