import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ContentItem } from '../lib/schema/content';
import { checkLibrary, parseContentFile, type ContentFileProblem } from '../lib/schema/content-file';
import { decodeContentFile } from './content-encoding';

export interface ContentDir {
  items: ContentItem[];
  problems: ContentFileProblem[];
  files: number;
}

/** Lists the content files (`*.md`) of a folder and its subfolders, sorted by path. */
async function listMarkdown(root: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string) => {
    const entries = await readdir(dir, { withFileTypes: true });
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const full = path.join(dir, e.name);
      if (e.isDirectory()) await walk(full);
      else if (e.isFile() && e.name.endsWith('.md') && e.name.toLowerCase() !== 'readme.md') out.push(full);
    }
  };
  await walk(root);
  return out.sort();
}

/**
 * parseContentFile, with what it throws (the YAML parser refusing an alias bomb, say) made a
 * problem of this file: otherwise the whole import stops with a message that names no file.
 */
function parseFile(name: string, source: string, expectedId: string): ReturnType<typeof parseContentFile> {
  try {
    return parseContentFile(name, source, expectedId);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [{ file: name, field: 'front matter', message: `cannot be read: ${reason}` }] };
  }
}

/**
 * Reads and validates every content file in a folder. Problems name the file (relative to the
 * folder's parent, so messages read `content/foo.md`) and the field.
 */
export async function readContentDir(dir: string): Promise<ContentDir> {
  const files = await listMarkdown(dir);
  const base = path.dirname(path.resolve(dir));
  const problems: ContentFileProblem[] = [];
  const parsed: { file: string; item: ContentItem }[] = [];
  // Files are read several at a time (the disk and the kernel work while this thread parses),
  // and parsed in path order so that problems come out in the same order every run.
  const reads = new Map<number, Promise<Buffer>>();
  const READ_AHEAD = 64;
  const read = (i: number) => {
    if (i < files.length && !reads.has(i)) reads.set(i, readFile(files[i]!));
  };
  for (let i = 0; i < READ_AHEAD; i++) read(i);
  for (const [i, full] of files.entries()) {
    read(i + READ_AHEAD);
    const bytes = await reads.get(i)!;
    reads.delete(i);
    const name = path.relative(base, full);
    const decoded = decodeContentFile(name, bytes);
    if (!decoded.ok) {
      problems.push(decoded.problem);
      continue;
    }
    const result = parseFile(name, decoded.text, path.basename(full, '.md'));
    if (result.ok) parsed.push({ file: name, item: result.item });
    else problems.push(...result.problems);
  }
  problems.push(...checkLibrary(parsed));
  return { items: parsed.map((p) => p.item), problems, files: files.length };
}
