import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { WelcomePage } from '../../../components/welcome/welcome-page';
import { loadSettings } from '../../../lib/settings';
import { SITE_REGISTRY } from '../../../lib/sites/registry';

test('the welcome page says how to open Quiver, by icon and keyboard', async () => {
  render(<WelcomePage />);
  const open = screen.getByRole('region', { name: 'Open Quiver' });
  expect(open).toHaveTextContent(/Pin Quiver/);
  expect(open).toHaveTextContent(/click the Quiver icon, or press Alt\+Shift\+Q/);
});

test('it lists every supported site by its product name, linking to those with one address', async () => {
  render(<WelcomePage />);
  const sites = screen.getByRole('list', { name: 'Where Quiver works' });
  const items = within(sites).getAllByRole('listitem');
  expect(items.map((li) => li.textContent!.split(' (')[0])).toEqual(SITE_REGISTRY.map((e) => e.label));
  expect(within(sites).getByRole('link', { name: 'Gmail' })).toHaveAttribute('href', 'https://mail.google.com/');
  expect(within(sites).getByRole('link', { name: 'Sales Navigator' })).toHaveAttribute('href', 'https://www.linkedin.com/sales/');
});

test('the demo library is the default choice; a server needs both its URL and a token', async () => {
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(null as never);
  const user = userEvent.setup();
  render(<WelcomePage />);
  await user.click(screen.getByRole('button', { name: 'Use the demo library' }));
  expect(await screen.findByText(/Using the demo library/)).toBeVisible();
  expect((await loadSettings()).serverUrl).toBe('');

  await user.click(screen.getByRole('radio', { name: /library server/ }));
  await user.type(screen.getByLabelText('Server URL'), 'https://quiver.example.com');
  await user.click(screen.getByRole('button', { name: 'Connect' }));
  expect(await screen.findByText(/both/i)).toBeVisible();
  expect((await loadSettings()).serverUrl).toBe('');

  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(JSON.stringify({ error: { code: 'unauthorized', message: 'bad token' } }), { status: 401 })),
  );
  await user.type(screen.getByLabelText('Access token'), 'qv_secret');
  await user.click(screen.getByRole('button', { name: 'Connect' }));
  await waitFor(async () => expect(await loadSettings()).toMatchObject({ serverUrl: 'https://quiver.example.com', token: 'qv_secret' }));
  vi.unstubAllGlobals();
});
