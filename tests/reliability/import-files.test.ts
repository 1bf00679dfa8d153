import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../server/cli';
import { openDatabase, type Db } from '../../server/db/open-database';
import { importIntoOrg } from '../../server/library-import';
import { contentItem } from '../server/support/content-items';
import { freshTestDb, type TestDb } from '../server/support/test-db';
import { importCase, renderFile, type ContentFile, type ImportCase } from './support/content-file-cases';
import { recordFigures } from './support/figures';

/*
 * Item 1, content files: `quiver import` (the real CLI entry, in process) on generated folders
 * with a broken file among valid ones. Each must fail with exit status 1, a line
 * "content/<file>: <field>: ..." for the broken file and none for a valid one, and leave the
 * org's existing library exactly as it was: validation is all or nothing.
 */

const CASES = 1000;
const ORG = 'demo';

let root: string;
let dbPath: string;
let testDb: TestDb;
let reader: Db;
const tally = { tried: 0, rejected: 0, crashes: 0, changed: 0, unnamed: 0 };
const coverage = new Map<string, number>();

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'quiver-import-attack-'));
  testDb = await freshTestDb({ empty: true, dir: path.join(root, 'db') });
  dbPath = testDb.target;
  // The library the import must leave alone.
  const db = await openDatabase(dbPath);
  await importIntoOrg(
    db,
    ORG,
    Array.from({ length: 5 }, (_, i) => contentItem(`kept-${i + 1}`)),
  );
  await db.destroy();
  reader = await openDatabase(dbPath);
});
afterAll(async () => {
  await reader.destroy();
  await testDb.remove();
  rmSync(root, { recursive: true, force: true });
  recordFigures([
    { item: '1', name: 'content files · cases tried', value: tally.tried, atLeast: CASES },
    { item: '1', name: 'content files · rejected naming file and field', value: tally.rejected },
    { item: '1', name: 'content files · problems not naming the file and field', value: tally.unnamed, atMost: 0 },
    { item: '1', name: 'content files · crashes', value: tally.crashes, atMost: 0 },
    { item: '1', name: 'content files · libraries changed by a failed import', value: tally.changed, atMost: 0 },
  ]);
});

/** The org's library rows and change counter: equal before and after means nothing was imported. */
async function snapshot(): Promise<string> {
  const rows = await reader.selectFrom('content_items').selectAll().orderBy('id').execute();
  const org = await reader.selectFrom('orgs').select(['slug', 'library_seq']).execute();
  return JSON.stringify({ rows, org });
}

function writeFolder(files: ContentFile[]): string {
  const dir = mkdtempSync(path.join(root, 'case-'));
  const content = path.join(dir, 'content');
  for (const f of files) {
    mkdirSync(path.dirname(path.join(content, f.path)), { recursive: true });
    writeFileSync(path.join(content, f.path), f.bytes);
  }
  return content;
}

async function importFolder(folder: string): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['import', folder, '--db', dbPath, '--org', ORG], { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

async function runCase(c: ImportCase): Promise<void> {
  tally.tried += 1;
  coverage.set(c.tag, (coverage.get(c.tag) ?? 0) + 1);
  const before = await snapshot();
  const folder = writeFolder(c.files);
  try {
    let result: Awaited<ReturnType<typeof importFolder>>;
    try {
      result = await importFolder(folder);
    } catch (error) {
      tally.crashes += 1;
      throw error;
    }
    const unchanged = (await snapshot()) === before;
    if (!unchanged) tally.changed += 1;
    expect(unchanged, 'the existing library changed').toBe(true);
    expect(result.code, result.err.join('\n')).toBe(1);
    expect(result.out.join('\n')).not.toMatch(/Imported/);
    expect(result.err.at(-1)).toMatch(/nothing was imported$/);

    // "content/<file>: <field>: <message>" for each problem, and only for broken files.
    const problems = result.err.slice(0, -1).map((line) => /^(content\/[^:]+)(?::\d+)?: ([^:]+): (.+)$/s.exec(line));
    const named = c.expected.every((want) =>
      problems.some(
        (p) =>
          p?.[1] === `content/${want.path}` &&
          want.fields.some((f) => p[2] === f || p[2]!.startsWith(`${f}.`) || p[2]!.startsWith(`${f}[`)) &&
          (!want.mentions || p[3]!.includes(want.mentions)),
      ),
    );
    if (!named) tally.unnamed += 1;
    expect(named, `expected ${JSON.stringify(c.expected)} in:\n${result.err.join('\n')}`).toBe(true);
    expect(problems.every((p) => p !== null && c.expected.some((want) => p[1] === `content/${want.path}`))).toBe(true);
    tally.rejected += 1;
  } finally {
    rmSync(path.dirname(folder), { recursive: true, force: true });
  }
}

describe('quiver import of broken content files', () => {
  it(`rejects each naming file and field, and imports nothing (${CASES} generated folders)`, async () => {
    // A failure is shrunk to a small folder, but not for longer than the test may take.
    await fc.assert(fc.asyncProperty(importCase, runCase), { numRuns: CASES, interruptAfterTimeLimit: 90_000, markInterruptAsFailure: true });
    for (const tag of [
      'wrong field type',
      'invalid value',
      'unknown variable',
      'unknown field',
      'missing field',
      'huge field',
      'huge file',
      'broken front matter',
      'invalid UTF-8 in body',
      'invalid UTF-8 in front matter',
      'duplicate id',
      'duplicate shortcut',
    ]) {
      expect(coverage.get(tag) ?? 0, `cases with ${tag}`).toBeGreaterThanOrEqual(10);
    }
  });

  it('imports the same folder once the broken file is gone (the check above can see a change)', async () => {
    const before = await snapshot();
    const folder = writeFolder([
      {
        path: 'fresh-alpha.md',
        bytes: renderFile({ id: 'fresh-alpha', type: 'snippet', title: 'Alpha', stages: ['interest'], owner: 'maria@example.com' }, 'Hi\n'),
      },
    ]);
    const result = await importFolder(folder);
    expect(result.code).toBe(0);
    expect(await snapshot()).not.toBe(before);
    rmSync(path.dirname(folder), { recursive: true, force: true });
  });
});
