import path from 'node:path';
import type { ContentItem } from '../../../lib/schema/content';
import { readContentDir } from '../../../server/content-dir';

let cached: Promise<ContentItem[]> | undefined;

/** The demo library in content/, parsed as the build parses it; fails if any file is invalid. */
export function demoLibrary(): Promise<ContentItem[]> {
  cached ??= readContentDir(path.resolve(__dirname, '../../../content')).then(({ items, problems }) => {
    if (problems.length > 0) throw new Error(`content/ has invalid files: ${JSON.stringify(problems)}`);
    return items;
  });
  return cached;
}
