import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SidePanel } from '../../../components/panel/side-panel';
import { usePanelStore } from '../../../components/panel/store';
import { getDb, seedDemoLibrary } from '../../../lib/db';
import { noteStorageFull, noteWriteWorked } from '../../../lib/storage-full';
import type { UsageEvent } from '../../../lib/schema/events';
import type { PageContext } from '../../../lib/schema/page-context';
import { sampleItems } from '../support/items';

const initial = usePanelStore.getState();

beforeEach(async () => {
  usePanelStore.setState(initial, true);
  await seedDemoLibrary(getDb(), sampleItems());
});
afterEach(async () => {
  await getDb().items.clear();
  await getDb().meta.clear();
  await getDb().outbox.clear();
  window.history.replaceState(null, '', '/');
});

async function renderPanel() {
  const user = userEvent.setup();
  render(<SidePanel />);
  const results = await screen.findByRole('list', { name: 'Results' });
  await within(results).findByText('Cold intro: empty miles');
  return { user, results };
}
const titlesIn = (list: HTMLElement) =>
  within(list)
    .queryAllByRole('listitem')
    .map((li) => li.querySelector('.title')!.textContent);

describe('side panel', () => {
  test('search as you type narrows the results', async () => {
    const { user, results } = await renderPanel();
    await waitFor(() => expect(titlesIn(results)).toHaveLength(5));
    await user.type(screen.getByRole('searchbox', { name: 'Search content' }), 'nordhafen');
    await waitFor(() => expect(titlesIn(results)[0]).toBe('Nordhafen Logistik cut empty miles 18%'));
    await waitFor(() => expect(titlesIn(results)).not.toContain('Referral ask after a strong result'));
  });

  test('stage toggles and the type filter combine with each other', async () => {
    const { user, results } = await renderPanel();
    const interest = screen.getByRole('button', { name: 'Interest' });
    expect(interest).toHaveAttribute('aria-pressed', 'false');
    await user.click(interest);
    expect(interest).toHaveAttribute('aria-pressed', 'true');
    await waitFor(() => expect(titlesIn(results).sort()).toEqual(['Corporate overview deck 2025', 'Nordhafen Logistik cut empty miles 18%']));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Type' }), 'Deck');
    await waitFor(() => expect(titlesIn(results)).toEqual(['Corporate overview deck 2025']));
  });

  test('no results says so and offers to clear the filters', async () => {
    const { user, results } = await renderPanel();
    await user.click(screen.getByRole('button', { name: 'Advocacy' }));
    await user.type(screen.getByRole('searchbox', { name: 'Search content' }), 'nordhafen');
    expect(await screen.findByText('Nothing matches “nordhafen”.')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(screen.getByRole('button', { name: 'Advocacy' })).toHaveAttribute('aria-pressed', 'false');
    await waitFor(() => expect(titlesIn(results)[0]).toBe('Nordhafen Logistik cut empty miles 18%'));
  });

  test('keyboard: typing goes to the search box, arrows move through results, Enter opens the preview', async () => {
    const { user, results } = await renderPanel();
    const search = screen.getByRole('searchbox', { name: 'Search content' });
    act(() => (document.activeElement as HTMLElement | null)?.blur());
    await user.keyboard('intro');
    expect(search).toHaveFocus();
    expect(search).toHaveValue('intro');
    await user.clear(search);
    await user.keyboard('{ArrowDown}');
    const titles = within(results).getAllByRole('button', { name: /./, expanded: false });
    expect(titles[0]).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    const second = document.activeElement as HTMLElement;
    expect(second).toHaveClass('result-title');
    expect(second).not.toBe(titles[0]);
    await user.keyboard('{Enter}');
    expect(second).toHaveAttribute('aria-expanded', 'true');
    expect(within(second.closest('li')!).getByRole('region', { name: 'Preview' })).toBeVisible();
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(search).toHaveFocus();
  });

  test('the preview shows variables as readable placeholders, the subject and the owner', async () => {
    const { user, results } = await renderPanel();
    await user.click(within(results).getByRole('button', { name: 'Cold intro: empty miles' }));
    const preview = within(results).getByRole('region', { name: 'Preview' });
    expect(preview).toHaveTextContent('Hi ⟨First name | there⟩,');
    expect(preview).toHaveTextContent('Empty miles at ⟨Company | your fleet⟩');
    expect(preview).toHaveTextContent('maria@routewise.example');
    expect(preview).not.toHaveTextContent('{{');
  });

  test('stale items carry a badge with the owner; expired items cannot be inserted or copied', async () => {
    const { user, results } = await renderPanel();
    const stale = within(results).getByText('Corporate overview deck 2025').closest('li')!;
    expect(within(stale).getByText(/Stale · tom.becker@routewise.example/)).toBeVisible();
    const expired = within(results).getByText('Q3 promotion: 20% off first year').closest('li')!;
    expect(within(expired).getByText('Expired')).toBeVisible();
    expect(within(expired).getByRole('button', { name: 'Insert' })).toBeDisabled();
    expect(within(expired).getByRole('button', { name: 'Copy' })).toBeDisabled();
    await user.click(within(expired).getByRole('button', { name: 'Q3 promotion: 20% off first year' }));
    expect(within(expired).getByText(/Expired on 30 Sept? 2001: it can no longer be inserted or copied\. Ask paulo.reis@routewise.example/)).toBeVisible();
  });

  test('a page no adapter reads still gets a working panel that says so', async () => {
    await renderPanel();
    const region = screen.getByRole('region', { name: 'Page context' });
    expect(await within(region).findByText(/not supported|No page is bound/)).toBeVisible();
  });

  test('a use is counted under the stage the page suggests when the item is meant for it, else the item’s first stage', async () => {
    // Bound to a tab showing a new Gmail email: the page suggests Awareness.
    const newEmail: PageContext = {
      site: 'gmail',
      supported: true,
      pageKind: 'compose',
      url: 'https://mail.google.com/mail/u/0/#inbox?compose=new',
      isReply: false,
      editor: { kind: 'rich', label: 'Message Body' },
    };
    window.history.replaceState(null, '', '/sidepanel.html?tabId=7');
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(newEmail);
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: vi.fn(async () => {}) } });
    const { user, results } = await renderPanel();
    // The page's stage ranks, it does not filter: no toggle is pressed for it.
    expect(await screen.findByText('Awareness first — from a new email')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Awareness' })).toHaveAttribute('aria-pressed', 'false');
    // Without a stage filter the working stage is the page's; the case study is not for it.
    await user.type(screen.getByRole('searchbox', { name: 'Search content' }), 'nordhafen');
    const caseStudy = (await within(results).findByText('Nordhafen Logistik cut empty miles 18%')).closest('li')!;
    await user.click(within(caseStudy).getByRole('button', { name: 'Copy link' }));
    // The deck is meant for awareness: counted there.
    await user.clear(screen.getByRole('searchbox', { name: 'Search content' }));
    const deck = (await within(results).findByText('Corporate overview deck 2025')).closest('li')!;
    await user.click(within(deck).getByRole('button', { name: 'Copy link' }));
    await waitFor(async () => {
      const uses = (await getDb().outbox.toArray()).map((r) => r.event as UsageEvent).filter((e) => e.kind === 'copy_link');
      expect(uses.map((e) => [e.contentId, e.stage, e.site])).toEqual([
        ['nordhafen-case-study', 'interest', 'gmail'],
        ['old-deck', 'awareness', 'gmail'],
      ]);
    });
  });

  test('the page’s stage ranks its items first but hides nothing: an exact title of another stage is found first', async () => {
    const newEmail: PageContext = {
      site: 'gmail',
      supported: true,
      pageKind: 'compose',
      url: 'https://mail.google.com/mail/u/0/#inbox?compose=new',
      isReply: false,
      editor: { kind: 'rich', label: 'Message Body' },
    };
    window.history.replaceState(null, '', '/sidepanel.html?tabId=7');
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(newEmail);
    const { user, results } = await renderPanel();
    expect(await screen.findByText('Awareness first — from a new email')).toBeVisible();
    // Empty query: the awareness items first, every item listed, the expired one last.
    await waitFor(() => expect(titlesIn(results).slice(0, 2).sort()).toEqual(['Cold intro: empty miles', 'Corporate overview deck 2025']));
    expect(titlesIn(results)).toHaveLength(5);
    expect(titlesIn(results).at(-1)).toBe('Q3 promotion: 20% off first year');
    await user.type(screen.getByRole('searchbox', { name: 'Search content' }), 'Referral ask after a strong result');
    await waitFor(() => expect(titlesIn(results)[0]).toBe('Referral ask after a strong result'));
    // A toggle the rep presses filters, and the line says so.
    await user.click(screen.getByRole('button', { name: 'Awareness' }));
    expect(screen.getByText(/Filtered by stage/)).toBeVisible();
    await waitFor(() => expect(titlesIn(results)).not.toContain('Referral ask after a strong result'));
  });

  test('an expired item is listed after the current ones with its date and whom to ask, and cannot be inserted', async () => {
    const { results } = await renderPanel();
    // With no query, after every current item.
    await waitFor(() => expect(titlesIn(results).at(-1)).toBe('Q3 promotion: 20% off first year'));
    const expired = within(results).getByText('Q3 promotion: 20% off first year').closest('li')!;
    expect(within(expired).getByText(/^Expired on 30 Sept? 2001 — ask paulo\.reis@routewise\.example$/)).toBeVisible();
    expect(within(expired).getByRole('button', { name: 'Insert' })).toBeDisabled();
  });

  test('a live region announces how many results are listed', async () => {
    const { user } = await renderPanel();
    const status = () => document.querySelector<HTMLElement>('.result-count[aria-live="polite"]')!;
    await waitFor(() => expect(status()).toHaveTextContent('5 results'));
    await user.type(screen.getByRole('searchbox', { name: 'Search content' }), 'nordhafen');
    await waitFor(() => expect(status()).toHaveTextContent(/^1 result$/));
  });

  test('the preview shows tags as labels, not slugs; the Page context gives the person’s title its own line', async () => {
    const profile: PageContext = {
      site: 'linkedin',
      supported: true,
      pageKind: 'profile',
      url: 'https://www.linkedin.com/in/priya-raman/',
      person: { fullName: 'Priya Raman', title: 'VP of Revenue Operations' },
      company: 'BrightCart',
      editor: null,
    };
    window.history.replaceState(null, '', '/sidepanel.html?tabId=7');
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(profile);
    const { user, results } = await renderPanel();
    const region = screen.getByRole('region', { name: 'Page context' });
    expect(await within(region).findByText('Priya Raman')).toBeVisible();
    expect(within(region).getByText('VP of Revenue Operations').closest('.ctx-row')!.querySelector('dt')).toHaveTextContent('Title');
    await user.click(within(results).getByRole('button', { name: 'Nordhafen Logistik cut empty miles 18%' }));
    const preview = within(results).getByRole('region', { name: 'Preview' });
    expect(within(preview).getByText('ROI')).toBeVisible();
    expect(within(preview).getByText('Logistics')).toBeVisible();
  });

  test('a full disk, said by any context, shows as a banner at once, and goes when a write works again', async () => {
    await renderPanel();
    expect(screen.queryByRole('alert')).toBeNull();
    await act(() => noteStorageFull());
    expect(await screen.findByRole('alert')).toHaveTextContent(/storage is full/i);
    await act(() => noteWriteWorked());
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });
});
