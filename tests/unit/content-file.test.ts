import { describe, expect, test } from 'vitest';
import { checkLibrary, formatProblem, parseContentFile, serializeContentFile } from '../../lib/schema/content-file';

const good = `---
id: northwind-fleet-case-study
type: case_study
title: How Northwind cut fleet idle time 23%
stages: [engagement, interest]
tags: [logistics, roi, fleet]
industries: [logistics]
summary: One or two sentences shown in results.
url: https://example.com/northwind.pdf
owner: maria@example.com
review_by: 2027-03-01
---
Hi {{first_name | there}},

Northwind cut idle time by **23%**.
`;

function problems(source: string) {
  const r = parseContentFile('content/x.md', source);
  if (r.ok) throw new Error('expected the file to be rejected');
  return r.problems.map((p) => `${p.field}: ${p.message}`);
}

describe('content file parser', () => {
  test('reads front matter and body, with stages put in journey order', () => {
    const r = parseContentFile('content/northwind-fleet-case-study.md', good, 'northwind-fleet-case-study');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.item.stages).toEqual(['interest', 'engagement']);
    expect(r.item.tags).toEqual(['logistics', 'roi', 'fleet']);
    expect(r.item.review_by).toBe('2027-03-01');
    expect(r.item.body).toContain('Hi {{first_name | there}},');
  });

  test('a file without front matter is named as such', () => {
    expect(problems('Hello')).toEqual([expect.stringMatching(/^front matter: missing/)]);
  });

  test('broken YAML names the line', () => {
    expect(problems('---\nid: a\ntitle: [unclosed\n---\nbody')[0]).toMatch(/^front matter: invalid YAML at line \d/);
  });

  test('each bad field is named', () => {
    const bad = good
      .replace('type: case_study', 'type: whitepaper')
      .replace('stages: [engagement, interest]', 'stages: [engagement, closing]')
      .replace('review_by: 2027-03-01', 'review_by: 2027-02-30')
      .replace('url: https://example.com/northwind.pdf', 'url: javascript:alert(1)');
    const found = problems(bad);
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^type: /),
        expect.stringMatching(/^stages\[1\]: /),
        expect.stringMatching(/^review_by: is not a real calendar date/),
        expect.stringMatching(/^url: must be an http\(s\) URL/),
      ]),
    );
  });

  test('a missing required field and an unknown field are reported', () => {
    const found = problems(good.replace('owner: maria@example.com\n', 'colour: blue\n'));
    expect(found).toEqual(expect.arrayContaining([expect.stringMatching(/^owner: /), expect.stringMatching(/colour/)]));
  });

  test('a body in the front matter is refused rather than silently replaced', () => {
    expect(problems(good.replace('owner:', 'body: hidden text\nowner:'))).toEqual(['body: belongs below the front matter, not in it']);
  });

  test('an unknown template variable is an error naming the variable', () => {
    expect(problems(good.replace('{{first_name | there}}', '{{firstname}}'))).toEqual(['body: uses unknown variable {{firstname}}']);
  });

  test('the id must match the file name when one is expected', () => {
    const r = parseContentFile('content/other.md', good, 'other');
    expect(r.ok ? [] : r.problems).toEqual([
      { file: 'content/other.md', field: 'id', line: 2, message: '"northwind-fleet-case-study" does not match the file name "other"' },
    ]);
  });

  describe('problems name the line of the file they are on', () => {
    const lined = (source: string) => {
      const r = parseContentFile('content/x.md', source);
      if (r.ok) throw new Error('expected the file to be rejected');
      return r.problems.map(formatProblem);
    };
    /** The 1-based line of the file holding `text`, counted independently of the parser. */
    const lineOf = (source: string, text: string) => source.split('\n').findIndex((l) => l.includes(text)) + 1;

    test('an unquoted value with ": " is found on its own line, with a hint', () => {
      const source = good.replace('summary: One or two sentences shown in results.', 'summary: ROI: in one page');
      const line = lineOf(source, 'summary: ROI');
      expect(line).toBe(8);
      expect(lined(source)).toEqual([
        expect.stringMatching(
          new RegExp(`^content/x\\.md:${line}: front matter: invalid YAML at line ${line} of the file: .*quote a value that contains ': '`),
        ),
      ]);
    });

    test('an unclosed list names its line and how to close it', () => {
      const source = good.replace('tags: [logistics, roi, fleet]', 'tags: [logistics, roi');
      expect(lined(source)).toEqual([
        expect.stringMatching(/^content\/x\.md:\d+: front matter: invalid YAML at line \d+ of the file: .*close a \[ list with \]/),
      ]);
    });

    test('a field the schema refuses names the field and its line', () => {
      const source = good.replace('stages: [engagement, interest]', 'stages: [engagement, closing]').replace('review_by: 2027-03-01', 'review_by: 2027-02-30');
      expect(lined(source)).toEqual(
        expect.arrayContaining([
          expect.stringMatching(new RegExp(`^content/x\\.md:${lineOf(source, 'stages:')}: stages\\[1\\]: `)),
          expect.stringMatching(new RegExp(`^content/x\\.md:${lineOf(source, 'review_by:')}: review_by: `)),
        ]),
      );
    });

    test('an unknown variable in the body names the body line it is used on', () => {
      const source = good.replace('Northwind cut idle time', 'Northwind cut {{idle_time}} idle time');
      expect(lined(source)).toEqual([`content/x.md:${lineOf(source, '{{idle_time}}')}: body: uses unknown variable {{idle_time}}`]);
    });

    test('a missing field has no line of its own and is still named', () => {
      expect(lined(good.replace('owner: maria@example.com\n', ''))).toEqual([expect.stringMatching(/^content\/x\.md: owner: /)]);
    });
  });

  test('duplicate ids and shortcuts across files are reported', () => {
    const a = parseContentFile('a.md', good.replace('owner:', 'shortcut: fleet\nowner:'));
    const b = parseContentFile('b.md', good.replace('owner:', 'shortcut: fleet\nowner:'));
    if (!a.ok || !b.ok) throw new Error('fixtures should parse');
    expect(
      checkLibrary([
        { file: 'a.md', item: a.item },
        { file: 'b.md', item: b.item },
      ]).map((p) => p.field),
    ).toEqual(['id', 'shortcut']);
  });

  test('serialising then parsing gives the same item', () => {
    const r = parseContentFile('x.md', good.replace('owner:', 'subject: "Idea for {{company}}: #1"\nowner:'));
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const again = parseContentFile('x.md', serializeContentFile(r.item));
    expect(again).toEqual({ ok: true, item: r.item });
  });
});
