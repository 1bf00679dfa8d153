import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { contentItemSchema, type ContentItem, type ContentItemInput } from '../../../lib/schema/content';
import { serializeContentFile } from '../../../lib/schema/content-file';

/** A valid content item with realistic fields; override what the test is about. */
export function contentItem(id: string, overrides: Partial<ContentItemInput> = {}): ContentItem {
  return contentItemSchema.parse({
    id,
    type: 'case_study',
    title: `Case study ${id}`,
    stages: ['interest', 'engagement'],
    tags: ['logistics', 'roi'],
    summary: `How ${id} cut costs.`,
    owner: 'maria@example.com',
    body: `Hi {{first_name | there}},\n\nSee how ${id} did it.\n`,
    ...overrides,
  });
}

export function contentItems(count: number, prefix = 'item'): ContentItem[] {
  return Array.from({ length: count }, (_, i) => contentItem(`${prefix}-${String(i + 1).padStart(3, '0')}`));
}

/** Writes items as content files (`<id>.md`) into a new temp folder, plus any raw files given. */
export function contentFolder(items: ContentItem[], rawFiles: Record<string, string> = {}, parent?: string): string {
  const dir = parent ? path.join(parent, `content-${Math.random().toString(36).slice(2, 8)}`) : mkdtempSync(path.join(tmpdir(), 'quiver-content-'));
  mkdirSync(dir, { recursive: true });
  for (const item of items) writeFileSync(path.join(dir, `${item.id}.md`), serializeContentFile(item));
  for (const [name, text] of Object.entries(rawFiles)) writeFileSync(path.join(dir, name), text);
  return dir;
}
