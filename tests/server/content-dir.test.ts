import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { serializeContentFile } from '../../lib/schema/content-file';
import { readContentDir } from '../../server/content-dir';
import { contentFolder, contentItem } from './support/content-items';

/*
 * `quiver import` reads many files at once (issue 14, item 7) and checks UTF-8 natively: the
 * result must not depend on which read finishes first, and bad bytes are still found.
 */

const folders: string[] = [];
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

it('reads a large folder in path order, with a byte order mark kept working and bad UTF-8 named by file and line', async () => {
  const items = Array.from({ length: 300 }, (_, i) => contentItem(`item-${String(i).padStart(3, '0')}`, { title: `Item ${i} café` }));
  const dir = contentFolder(items);
  folders.push(dir);
  const bom = contentItem('with-bom', { title: 'Starts with a BOM' });
  writeFileSync(path.join(dir, 'with-bom.md'), `\uFEFF${serializeContentFile(bom)}`);
  const latin1 = Buffer.from(serializeContentFile(contentItem('latin-one', { title: 'Caf_ notes' })), 'utf8');
  latin1[latin1.indexOf('Caf_') + 3] = 0xe9; // "é" as Latin-1: not UTF-8
  writeFileSync(path.join(dir, 'latin-one.md'), latin1);

  const read = await readContentDir(dir);
  expect(read.files).toBe(302);
  expect(read.items.map((i) => i.id)).toEqual([...items.map((i) => i.id), 'with-bom'].sort());
  expect(read.items.find((i) => i.id === 'item-007')?.title).toBe('Item 7 café');
  expect(read.items.find((i) => i.id === 'with-bom')?.title).toBe('Starts with a BOM');
  expect(read.problems).toEqual([
    { file: `${path.basename(dir)}/latin-one.md`, field: 'title', message: expect.stringMatching(/^is not valid UTF-8 \(line \d+\); save the file as UTF-8$/) },
  ]);
});
