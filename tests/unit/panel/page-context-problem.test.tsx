import { render, screen } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { PageContextView } from '../../../components/panel/page-context-view';
import type { PageContext } from '../../../lib/schema/page-context';

/*
 * On a supported site where the adapter missed something, the Page context region says what,
 * with the site's product name, instead of "not supported".
 */

const show = (context: PageContext) => render(<PageContextView state={{ status: 'ready', context }} />);
const region = () => screen.getByRole('region', { name: 'Page context' });

describe('the Page context region on a page the adapter could not fully read', () => {
  test('an Outlook compose without its message box', () => {
    show({
      site: 'outlook',
      supported: true,
      pageKind: 'compose',
      url: 'https://outlook.office.com/mail/deeplink/compose',
      recipients: [{ email: 'dana@example.com' }],
      editor: null,
    });
    expect(region()).toHaveTextContent('Quiver could not find the message box on this Outlook page — you can still Copy.');
    expect(region()).not.toHaveTextContent(/not supported|click into the message box/);
  });

  test('a HubSpot deal without its stage', () => {
    show({
      site: 'hubspot',
      supported: true,
      pageKind: 'deal',
      url: 'https://app.hubspot.com/contacts/1/record/0-3/2',
      recordName: 'Brightcart renewal',
      editor: null,
    });
    expect(region()).toHaveTextContent('Quiver could not read this HubSpot page (Deal) — search and Copy still work.');
  });

  test('a page read in full says nothing of the kind; a profile with no box open says where to click', () => {
    show({
      site: 'gmail',
      supported: true,
      pageKind: 'compose',
      url: 'https://mail.google.com/mail/u/0/#inbox?compose=new',
      recipients: [{ email: 'dana@example.com' }],
      editor: { kind: 'rich', label: 'Message Body' },
    });
    expect(region()).not.toHaveTextContent(/could not/);
    show({
      site: 'linkedin',
      supported: true,
      pageKind: 'profile',
      url: 'https://www.linkedin.com/in/dana/',
      person: { fullName: 'Dana Whitfield' },
      editor: null,
    });
    expect(screen.getAllByRole('region', { name: 'Page context' })[1]).toHaveTextContent('No editor found yet: click into the message box first.');
  });

  test('a page no adapter reads is still "not supported"', () => {
    show({ site: null, supported: false, pageKind: 'other', url: 'https://example.com/', editor: null });
    expect(region()).toHaveTextContent('This page is not supported: search and copy still work.');
  });
});
