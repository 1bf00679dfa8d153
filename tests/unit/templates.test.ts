import { describe, expect, test } from 'vitest';
import type { ContentItem } from '../../lib/schema/content';
import { renderItem, renderPreview } from '../../lib/templates/render';
import { variableValues } from '../../lib/templates/values';

const template: ContentItem = {
  id: 'intro',
  type: 'email_template',
  title: 'Intro',
  stages: ['awareness'],
  tags: [],
  summary: '',
  owner: 'maria@example.com',
  subject: 'Idea for {{company | your team}}',
  body: 'Hi {{first_name | there}},\n\nHow is **{{company}}** handling {{deal_name}}?\n\n- one\n- two\n\n{{my.full_name}}\n',
};

describe('renderItem', () => {
  test('fills variables, escapes values in HTML and keeps them raw in text', () => {
    const out = renderItem(template, { first_name: 'Dana', company: 'A&B <Freight>', deal_name: 'Q3 rollout', 'my.full_name': 'Sam Rep' });
    expect(out.missing).toEqual([]);
    expect(out.subject).toBe('Idea for A&B <Freight>');
    expect(out.html).toContain('<p>Hi Dana,</p>');
    expect(out.html).toContain('<strong>A&#38;B &#60;Freight&#62;</strong>');
    expect(out.html).not.toContain('<Freight>');
    expect(out.text).toBe('Hi Dana,\n\nHow is A&B <Freight> handling Q3 rollout?\n\n- one\n- two\n\nSam Rep');
  });

  test('uses fallbacks and lists what has neither value nor fallback, never leaving {{…}}', () => {
    const out = renderItem(template, {});
    expect(out.subject).toBe('Idea for your team');
    expect(out.text.startsWith('Hi there,')).toBe(true);
    expect(out.missing).toEqual(['company', 'deal_name', 'my.full_name']);
    expect(out.html).not.toContain('{{');
    expect(out.text).not.toContain('{{');
  });

  test('an asset renders as a titled link', () => {
    const out = renderItem({ ...template, type: 'case_study', title: 'Northwind <3', url: 'https://x.example/a.pdf' }, {});
    expect(out.html).toBe('<p><a href="https://x.example/a.pdf">Northwind &#60;3</a></p>');
    expect(out.text).toBe('Northwind <3: https://x.example/a.pdf');
  });
});

test('preview shows variables as readable placeholders', () => {
  const out = renderPreview(template, (n) => n.replace('_', ' '));
  expect(out.subject).toBe('Idea for ⟨company | your team⟩');
  expect(out.html).toContain('⟨first name | there⟩');
});

test('values come from the page context and the rep profile', () => {
  const values = variableValues(
    {
      site: 'gmail',
      supported: true,
      pageKind: 'compose',
      url: 'https://mail.google.com/',
      editor: null,
      recipients: [{ fullName: 'Dana Whitfield', email: 'dana@northwind-logistics.com' }],
      company: 'Northwind Logistics',
    },
    { fullName: 'Sam de Vries', title: 'AE', company: 'Routewise', email: 'sam@routewise.example' },
  );
  expect(values).toMatchObject({
    first_name: 'Dana',
    last_name: 'Whitfield',
    full_name: 'Dana Whitfield',
    email: 'dana@northwind-logistics.com',
    company: 'Northwind Logistics',
    'my.first_name': 'Sam',
    'my.last_name': 'de Vries',
  });
  expect(values.deal_name).toBeUndefined();
});
