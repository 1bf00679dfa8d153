import type { ContentItem } from '../../../lib/schema/content';

/** A small library whose dates do not depend on today: stale and expired long ago. */
export function sampleItems(): ContentItem[] {
  const base = { tags: [], summary: '', owner: 'maria@routewise.example', body: 'Body.\n' };
  return [
    {
      ...base,
      id: 'cold-intro',
      type: 'email_template',
      title: 'Cold intro: empty miles',
      stages: ['awareness'],
      tags: ['intro', 'prospecting'],
      summary: 'First touch for a fleet operator.',
      subject: 'Empty miles at {{company | your fleet}}',
      body: 'Hi {{first_name | there}},\n\nWe cut **empty miles**.\n\n{{my.full_name | The Routewise team}}\n',
      shortcut: 'intro',
      review_by: '2999-01-01',
    },
    {
      ...base,
      id: 'nordhafen-case-study',
      type: 'case_study',
      title: 'Nordhafen Logistik cut empty miles 18%',
      stages: ['interest', 'engagement'],
      tags: ['logistics', 'roi'],
      summary: 'Four depots, one planner.',
      url: 'https://assets.routewise.example/nordhafen.pdf',
      review_by: '2999-01-01',
    },
    {
      ...base,
      id: 'old-deck',
      type: 'deck',
      title: 'Corporate overview deck 2025',
      stages: ['awareness', 'interest'],
      tags: ['overview'],
      url: 'https://assets.routewise.example/deck-2025.pdf',
      owner: 'tom.becker@routewise.example',
      review_by: '2001-03-31',
    },
    {
      ...base,
      id: 'promo',
      type: 'email_template',
      title: 'Q3 promotion: 20% off first year',
      stages: ['conversion'],
      tags: ['pricing', 'promo'],
      owner: 'paulo.reis@routewise.example',
      expires: '2001-09-30',
    },
    {
      ...base,
      id: 'referral-ask',
      type: 'email_template',
      title: 'Referral ask after a strong result',
      stages: ['advocacy'],
      tags: ['referral'],
      body: 'Hi {{first_name | there}}, would {{company}} introduce us to a peer?\n',
      review_by: '2999-01-01',
    },
  ];
}
