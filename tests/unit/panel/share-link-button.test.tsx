import { render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { SidePanel } from '../../../components/panel/side-panel';
import { usePanelStore } from '../../../components/panel/store';
import { getDb, seedDemoLibrary, setMeta } from '../../../lib/db';
import { saveSettings, settingsStore } from '../../../lib/settings';
import { sampleItems } from '../support/items';

/*
 * Where the panel offers Share link: on shareable items (case studies, decks… with a link or
 * a body) when a library server is set and the org has not turned share links off; never on
 * templates. Sharing itself runs against a real server in tests/e2e/share-links.test.ts.
 */

const initial = usePanelStore.getState();

beforeEach(async () => {
  usePanelStore.setState(initial, true);
  await seedDemoLibrary(getDb(), sampleItems());
});
afterEach(async () => {
  await getDb().items.clear();
  await getDb().meta.clear();
  await settingsStore.clear();
});

async function resultNamed(title: string) {
  render(<SidePanel />);
  const results = await screen.findByRole('list', { name: 'Results' });
  const title$ = await within(results).findByText(title);
  return title$.closest('li')!;
}

describe('the Share link button', () => {
  test('is absent without a server: Copy link stays', async () => {
    const item = await resultNamed('Nordhafen Logistik cut empty miles 18%');
    expect(within(item).getByRole('button', { name: 'Copy link' })).toBeInTheDocument();
    expect(within(item).queryByRole('button', { name: 'Share link' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Shared links' })).not.toBeInTheDocument();
  });

  test('is there for a case study with a server, not for a template, and the panel has Shared links', async () => {
    await saveSettings({ serverUrl: 'http://127.0.0.1:8787', token: 'qv_rep' });
    const item = await resultNamed('Nordhafen Logistik cut empty miles 18%');
    await waitFor(() => expect(within(item).getByRole('button', { name: 'Share link' })).toBeInTheDocument());
    const template = screen.getByText('Cold intro: empty miles').closest('li')!;
    expect(within(template).queryByRole('button', { name: 'Share link' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Shared links' })).toHaveAttribute('aria-pressed', 'false');
  });

  test('is gone when the org turned share links off', async () => {
    await saveSettings({ serverUrl: 'http://127.0.0.1:8787', token: 'qv_rep' });
    await setMeta(getDb(), 'orgSettings', { shareLinks: false });
    const item = await resultNamed('Nordhafen Logistik cut empty miles 18%');
    await screen.findByRole('button', { name: 'Shared links' });
    expect(within(item).queryByRole('button', { name: 'Share link' })).not.toBeInTheDocument();
  });
});
