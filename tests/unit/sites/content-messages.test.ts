import { expect, test } from 'vitest';
import { parseToContent } from '../../../lib/content-script/messages';
import { toContentMessageSchema } from '../../../lib/schema/messages';

/*
 * The content script parses messages with a zod/mini mirror of the shared schema (see
 * lib/content-script/messages.ts for why). The compiler checks the types match; this checks
 * both accept and reject the same messages, values included.
 */
const samples: unknown[] = [
  { type: 'ui->content:get-context' },
  { type: 'ui->content:get-context', extra: 'dropped' },
  { type: 'ui->content:insert', payload: { html: '<p>Hi</p>', text: 'Hi' } },
  { type: 'ui->content:insert', payload: { html: '<p>Hi</p>', text: 'Hi', subject: 'Idea for Northwind' } },
  { type: 'ui->content:insert', payload: { html: '<p>Hi</p>' } },
  { type: 'ui->content:insert', payload: { html: 'x'.repeat(1_000_001), text: '' } },
  { type: 'ui->content:insert', payload: { html: '', text: '', subject: 's'.repeat(1001) } },
  { type: 'ui->content:insert', payload: { html: 1, text: 'Hi' } },
  { type: 'bg->content:open-palette' },
  { type: 'bg->content:shortcuts-changed' },
  { type: 'content->bg:open-panel' },
  { type: 'ui->content:evil', payload: {} },
  { source: 'page', type: 'ui->content:insert' },
  'ui->content:get-context',
  null,
  undefined,
  42,
];

test.each(samples.map((s, i) => [i, s]))('sample %i is judged the same by the mirror and the shared schema', (_i, sample) => {
  const shared = toContentMessageSchema.safeParse(sample);
  const mirrored = parseToContent(sample);
  expect(mirrored).toEqual(shared.success ? shared.data : undefined);
});
