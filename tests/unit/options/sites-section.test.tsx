import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SitesSection } from '../../../components/options/sections/sites-section';

/*
 * The options page's Sites section: one switch per region of each site, on when the browser
 * granted the region's hosts, asking the browser from the rep's click. (fake-browser has no
 * `permissions`: a small one stands in, with the browser's events.)
 */

let granted: Set<string>;
let answer: boolean;
const listeners = { added: new Set<() => void>(), removed: new Set<() => void>() };
const event = (set: Set<() => void>) => ({ addListener: (l: () => void) => set.add(l), removeListener: (l: () => void) => set.delete(l) });

beforeEach(() => {
  granted = new Set();
  answer = true;
  (fakeBrowser as unknown as { permissions: unknown }).permissions = {
    contains: vi.fn(async ({ origins }: { origins: string[] }) => origins.every((o) => granted.has(o))),
    request: vi.fn(async ({ origins }: { origins: string[] }) => {
      if (answer) origins.forEach((o) => granted.add(o));
      if (answer) listeners.added.forEach((l) => l());
      return answer;
    }),
    remove: vi.fn(async ({ origins }: { origins: string[] }) => {
      origins.forEach((o) => granted.delete(o));
      listeners.removed.forEach((l) => l());
      return true;
    }),
    onAdded: event(listeners.added),
    onRemoved: event(listeners.removed),
  };
});
afterEach(() => {
  delete (fakeBrowser as unknown as { permissions?: unknown }).permissions;
});

const permissions = () => (fakeBrowser as unknown as { permissions: Record<'request' | 'remove', ReturnType<typeof vi.fn>> }).permissions;

test('each site’s regions have a switch, off until the browser granted them', async () => {
  granted.add('https://app-ap1.hubspot.com/*');
  render(<SitesSection />);
  const hubspot = screen.getByRole('group', { name: 'HubSpot' });
  await waitFor(() => expect(within(hubspot).getByRole('switch', { name: 'app-ap1.hubspot.com' })).toBeChecked());
  expect(within(hubspot).getByRole('switch', { name: 'app-eu1.hubspot.com' })).not.toBeChecked();
  expect(within(screen.getByRole('group', { name: 'Salesforce' })).getAllByRole('switch')).toHaveLength(1);
});

test('turning a region on asks the browser for its hosts; turning it off gives them back', async () => {
  const user = userEvent.setup();
  render(<SitesSection />);
  const eu = screen.getByRole('switch', { name: 'app-eu1.hubspot.com' });
  await user.click(eu);
  expect(permissions().request).toHaveBeenCalledWith({ origins: ['https://app-eu1.hubspot.com/*'] });
  await waitFor(() => expect(eu).toBeChecked());
  await user.click(eu);
  expect(permissions().remove).toHaveBeenCalledWith({ origins: ['https://app-eu1.hubspot.com/*'] });
  await waitFor(() => expect(eu).not.toBeChecked());
});

test('a region the browser did not allow stays off, and the page says so', async () => {
  answer = false;
  const user = userEvent.setup();
  render(<SitesSection />);
  const na2 = screen.getByRole('switch', { name: 'app-na2.hubspot.com' });
  await user.click(na2);
  expect(await screen.findByRole('alert')).toHaveTextContent('app-na2.hubspot.com stays off: the browser did not allow it.');
  expect(na2).not.toBeChecked();
});
