import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serializeContentFile } from '../../lib/schema/content-file';
import { main } from '../../server/cli';
import { readContentDir } from '../../server/content-dir';
import { openDatabase } from '../../server/db/open-database';
import { liveItems } from '../../server/store/library';
import { findOrg } from '../../server/store/orgs';
import { contentFolder, contentItem } from './support/content-items';
import { freshTestDb, hasQuiverTables, storedTokensContain, type TestDb } from './support/test-db';
import { call, startTestServer } from './support/test-server';

const run = promisify(execFile);
const QUIVER = path.resolve(__dirname, '../../bin/quiver.mjs');

let work: string;
/** `--db`: a SQLite file not created yet, or an empty PostgreSQL database. */
let dbPath: string;
let testDb: TestDb;
beforeEach(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'quiver-cli-'));
  testDb = await freshTestDb({ empty: true, dir: path.join(work, 'data') });
  dbPath = testDb.target;
});
afterEach(async () => {
  rmSync(work, { recursive: true, force: true });
  await testDb.remove();
});

async function quiver(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function libraryIds(org = 'demo'): Promise<string[]> {
  const db = await openDatabase(dbPath);
  try {
    const found = await findOrg(db, org);
    return found ? (await liveItems(db, found.id)).map((r) => r.id) : [];
  } finally {
    await db.destroy();
  }
}

const byId = <T extends { id: string }>(items: T[]) => [...items].sort((a, b) => a.id.localeCompare(b.id));

/** Items that use every field of the content file format, in several scripts. */
const richLibrary = () => [
  contentItem('cold-intro-fleet', {
    type: 'email_template',
    title: 'Cold intro: fleet idle time',
    stages: ['engagement', 'awareness'],
    tags: ['fleet', 'roi', 'cold-outreach'],
    industries: ['logistics'],
    personas: ['vp-operations'],
    summary: 'First touch for fleet operators: "idle time" hook, one question.',
    subject: 'Idea for {{company}}: {{deal_name | your fleet}}',
    shortcut: 'Fleet',
    owner: 'maria@example.com',
    review_by: '2027-03-01',
    expires: '2027-06-30',
    body: 'Hi {{first_name | there}},\n\n- **Idle time** down 23%\n- Fuel: 1 200 € / month saved\n\n{{my.full_name}}\n',
  }),
  contentItem('holodline-case-ru', {
    title: 'Как «Холодлайн» сократил простои',
    tags: ['холод', 'logistics'],
    url: 'https://example.com/kholodline.pdf',
    body: 'Здравствуйте, {{first_name | коллега}}!\n\nYAML-looking line: key: value\n---\nand a rule above.\n',
  }),
  contentItem('pricing-one-pager', { type: 'one_pager', stages: ['conversion'], tags: [], summary: '', body: 'See the PDF.\n' }),
];

describe('quiver import / export', () => {
  it('exports exactly what was imported, field for field', async () => {
    const source = contentFolder(richLibrary(), {}, work);
    const imported = await quiver('import', source, '--db', dbPath);
    expect(imported.code).toBe(0);
    expect(imported.out).toContain('3 added, 0 updated, 0 unchanged, 0 deleted');

    const target = path.join(work, 'exported');
    const exported = await quiver('export', target, '--db', dbPath);
    expect(exported.code).toBe(0);
    expect(exported.out).toContain('Exported 3 item(s)');

    const before = await readContentDir(source);
    const after = await readContentDir(target);
    expect(after.problems).toEqual([]);
    expect(byId(after.items)).toEqual(byId(before.items));
    // Files written by the serializer come back byte for byte.
    for (const item of before.items) {
      expect(readFileSync(path.join(target, `${item.id}.md`), 'utf8')).toBe(serializeContentFile(item));
    }
  });

  it('imports nothing when one file is invalid, and names the file and the field', async () => {
    const good = contentFolder([contentItem('alpha')], {}, work);
    expect((await quiver('import', good, '--db', dbPath)).code).toBe(0);

    const bad = contentFolder(
      [contentItem('alpha', { title: 'Alpha v2' }), contentItem('bravo')],
      {
        'broken-stage.md': serializeContentFile(contentItem('broken-stage')).replace('stages: [interest, engagement]', 'stages: [interest, purchase]'),
      },
      work,
    );
    const result = await quiver('import', bad, '--db', dbPath);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/broken-stage\.md:\d+: stages\[1\]: /);
    expect(result.err).toContain('nothing was imported');
    expect(await libraryIds()).toEqual(['alpha']);
  });

  it('leaves no database (or no tables) behind when the first import is invalid', async () => {
    const bad = contentFolder([], { 'no-front-matter.md': 'Just text.\n' }, work);
    const result = await quiver('import', bad, '--db', dbPath);
    expect(result.code).toBe(1);
    expect(result.err).toContain('no-front-matter.md: front matter: missing');
    expect(await hasQuiverTables(dbPath)).toBe(false);
  });

  it('summarises a re-import: changed items updated, unchanged left, removed ones deleted', async () => {
    const dir = contentFolder([contentItem('alpha'), contentItem('bravo'), contentItem('charlie')], {}, work);
    await quiver('import', dir, '--db', dbPath);
    rmSync(path.join(dir, 'charlie.md'));
    writeFileSync(path.join(dir, 'bravo.md'), serializeContentFile(contentItem('bravo', { summary: 'New summary.' })));
    writeFileSync(path.join(dir, 'delta.md'), serializeContentFile(contentItem('delta')));
    const result = await quiver('import', dir, '--db', dbPath);
    expect(result.code).toBe(0);
    expect(result.out).toContain('1 added, 1 updated, 1 unchanged, 1 deleted');
    expect(result.out).toMatch(/\+ delta[\s\S]*~ bravo[\s\S]*- charlie/);
    expect(await libraryIds()).toEqual(['alpha', 'bravo', 'delta']);
  });

  it('imports an empty folder, which leaves an empty library', async () => {
    const empty = contentFolder([], {}, work);
    const result = await quiver('import', empty, '--db', dbPath);
    expect(result.code).toBe(0);
    expect(result.out).toContain('0 added, 0 updated, 0 unchanged, 0 deleted');
  });

  it('refuses to empty a library from an empty folder unless told to', async () => {
    await quiver('import', contentFolder([contentItem('alpha'), contentItem('bravo')], {}, work), '--db', dbPath);
    const empty = contentFolder([], {}, work);
    const refused = await quiver('import', empty, '--db', dbPath);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('importing it would delete all 2 items of org "demo"');
    expect(await libraryIds()).toEqual(['alpha', 'bravo']);
    const allowed = await quiver('import', empty, '--db', dbPath, '--allow-empty');
    expect(allowed.code).toBe(0);
    expect(await libraryIds()).toEqual([]);
  });

  it('fails clearly on a missing folder and on a bad command line', async () => {
    const missing = await quiver('import', path.join(work, 'nope'), '--db', dbPath);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('no such folder');
    const noDir = await quiver('import');
    expect(noDir.code).toBe(2);
    expect(noDir.err).toContain('Usage: quiver import');
    const unknownFlag = await quiver('export', work, '--colour');
    expect(unknownFlag.code).toBe(2);
    expect(unknownFlag.err).toContain('--colour');
    const unknownOrg = await quiver('export', path.join(work, 'out'), '--db', dbPath, '--org', 'nobody');
    expect(unknownOrg.code).toBe(1);
    expect(unknownOrg.err).toContain('no org "nobody"');
  });

  it('works as the real `quiver` binary, exit status included', async () => {
    const bad = contentFolder([], { 'bad.md': serializeContentFile(contentItem('bad')).replace('type: case_study', 'type: podcast') }, work);
    const failure = await run('node', [QUIVER, 'import', bad, '--db', dbPath]).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => e,
    );
    expect(failure.code).toBe(1);
    expect(failure.stderr).toMatch(/bad\.md:\d+: type: /);
    const help = await run('node', [QUIVER, '--help']);
    expect(help.stdout).toContain('quiver <command>');
  });
});

describe('--db and QUIVER_DB', () => {
  it('takes the database from QUIVER_DB for every command when --db is not given, and --db over it', async () => {
    const source = contentFolder([contentItem('alpha')], {}, work);
    const env = { ...process.env, QUIVER_DB: dbPath };
    const imported = await run('node', [QUIVER, 'import', source], { env });
    expect(imported.stdout).toContain('1 added');
    const token = await run('node', [QUIVER, 'token', 'create', '--user', 'rep@demo.test', '--role', 'rep'], { env });
    expect(token.stdout.trim()).toMatch(/^qv_/);
    const listed = await run('node', [QUIVER, 'token', 'list'], { env });
    expect(listed.stdout).toContain('rep@demo.test');
    const exported = await run('node', [QUIVER, 'export', path.join(work, 'out')], { env });
    expect(exported.stdout).toContain('Exported 1 item(s)');
    expect(readFileSync(path.join(work, 'out', 'alpha.md'), 'utf8')).toContain('id: alpha');

    // --db wins: another (empty) database has no org to export.
    const other = await freshTestDb({ empty: true });
    try {
      const elsewhere = await run('node', [QUIVER, 'export', path.join(work, 'out2'), '--db', other.target], { env }).then(
        () => ({ code: 0, stderr: '' }),
        (e: { code: number; stderr: string }) => e,
      );
      expect(elsewhere.code).toBe(1);
      expect(elsewhere.stderr).toContain('no org "demo"');
    } finally {
      await other.remove();
    }
  }, 120_000);
});

describe('quiver token', () => {
  it('creates the org and user, and prints a token that the server accepts', async () => {
    const created = await quiver('token', 'create', '--user', 'Rep@Acme.test', '--role', 'rep', '--org', 'acme', '--db', dbPath);
    expect(created.code).toBe(0);
    expect(created.err).toContain('Created org "acme"');
    expect(created.err).toContain('shown only this once');
    const token = created.out.trim();
    expect(token).toMatch(/^qv_/);

    const server = await startTestServer({ db: dbPath });
    try {
      const me = await call(`${server.url}/api/v1/me`, { token });
      expect(me.json).toEqual({ user: { email: 'rep@acme.test', role: 'rep' }, org: { slug: 'acme' } });
    } finally {
      await server.close();
    }
    // Only the hash is stored.
    expect(await storedTokensContain(dbPath, token)).toBe(false);
    expect(await storedTokensContain(dbPath, token.slice(3, 19))).toBe(true);
  });

  it('refuses an unknown role and a missing user', async () => {
    const role = await quiver('token', 'create', '--user', 'a@b.test', '--role', 'boss', '--db', dbPath);
    expect(role.code).toBe(2);
    expect(role.err).toContain('--role must be one of rep, manager, admin');
    const user = await quiver('token', 'create', '--role', 'rep', '--db', dbPath);
    expect(user.code).toBe(2);
    expect(user.err).toContain('--user <email> is required');
  });
});

describe('quiver serve', () => {
  it('serves the API until interrupted', async () => {
    const { spawn } = await import('node:child_process');
    const child = spawn('node', [QUIVER, 'serve', '--port', '0', '--db', dbPath], { stdio: ['ignore', 'ignore', 'pipe'] });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let text = '';
        child.stderr.on('data', (chunk: Buffer) => {
          text += chunk.toString();
          const match = /listening on (http:\/\/[^\s"]+)/.exec(text);
          if (match?.[1]) resolve(match[1]);
        });
        child.once('exit', (code) => reject(new Error(`quiver serve exited (${code}): ${text}`)));
      });
      expect((await call(`${url}/healthz`)).json).toEqual({ status: 'ok' });
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGINT');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
