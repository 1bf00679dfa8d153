import { describe, expect, test } from 'vitest';
import { buildVariant, fixtureRules, VARIANT_FIXTURES, variantsOf } from '../../fixtures/variants/generate';
import type { FixtureRules } from '../../fixtures/variants/types';
import { fixtureHtml } from './load-fixture';

/*
 * The variant generator must be able to fail: a variant that changed nothing, or a rule that
 * found nothing to change on a page it claims to apply to, would make every adapter test on it
 * pass without testing anything.
 */

describe('every variant changes what its kind says it changes', () => {
  test.each(VARIANT_FIXTURES)('%s', (fixture) => {
    const original = fixtureHtml(fixture);
    const variants = variantsOf(fixture);
    expect(variants.length).toBeGreaterThanOrEqual(4);
    for (const v of variants) expect(v.html, v.name).not.toBe(original);
  });

  test('the Russian Gmail says “Текст письма” and no longer “Message Body”; the German one “Nachrichtentext”', () => {
    const ru = variantsOf('gmail-inbox-compose.html').find((v) => v.kind === 'ru')!;
    expect(ru.html).toContain('aria-label="Текст письма"');
    expect(ru.html).not.toContain('Message Body');
    expect(ru.html).toContain('data-tooltip="Отправить');
    expect(ru.html).toContain('<html lang="ru"');
    const de = variantsOf('gmail-inbox-compose.html').find((v) => v.kind === 'de')!;
    expect(de.html).toContain('aria-label="Nachrichtentext"');
    expect(de.html).not.toContain('Message Body');
  });

  test('LinkedIn’s overlay, written by the page’s script, is translated inside the script', () => {
    const ru = variantsOf('linkedin-profile-overlay.html').find((v) => v.kind === 'ru')!;
    expect(ru.html).toContain('aria-label="Напишите сообщение…"');
    expect(ru.html).not.toContain('Write a message…');
  });

  test('a new build renames Gmail’s classes and ids everywhere: markup, references, the page’s own script', () => {
    const renamed = variantsOf('gmail-inbox-compose.html').find((v) => v.kind === 'renamed')!;
    expect(renamed.html).not.toMatch(/class="[^"]*\bM9\b/);
    expect(renamed.html).not.toContain("querySelectorAll('.M9')");
    expect(renamed.html).toContain(`querySelectorAll('${renamed.sel('.M9')}')`);
    expect(renamed.html).not.toContain('id=":tn"');
    expect(renamed.html).toContain(`aria-labelledby="${renamed.sel('[id=":qa"]').slice(5, -2)}"`);
    // What Gmail's own code needs stays: g_editable, the subject's name, the signature's class.
    expect(renamed.html).toContain('g_editable="true"');
    expect(renamed.html).toContain('name="subjectbox"');
    expect(renamed.html).toContain('class="gmail_signature"');
  });

  test('a new Lightning load renumbers its ids and CKEditor’s, in the frames its script writes too', () => {
    const renamed = variantsOf('salesforce-opportunity.html').find((v) => v.kind === 'renamed')!;
    expect(renamed.html).not.toContain('subject-input-93');
    expect(renamed.html).not.toMatch(/cke_editor77\b/);
    expect(renamed.html).toContain('data-target-selection-name="sfdc:RecordField.Opportunity.StageName"');
  });
});

describe('the generator fails loudly', () => {
  const withRules = (change: Partial<FixtureRules>): FixtureRules => ({ ...fixtureRules('gmail-inbox-compose.html'), ...change });
  const page = fixtureHtml('gmail-inbox-compose.html');

  test('on a wrap rule that matches nothing', () => {
    expect(() => buildVariant(withRules({ wrap: ['.M9', '.no-such-part'] }), page, 'wrapped')).toThrow(/wrap rule "\.no-such-part" matched nothing/);
  });

  test('on a trap rule that matches nothing', () => {
    expect(() => buildVariant(withRules({ traps: [{ move: '.no-such-draft', beside: '.M9', where: 'after' }], skip: {} }), page, 'traps')).toThrow(
      /matched nothing/,
    );
  });

  test('on a variant identical to its page', () => {
    expect(() => buildVariant(withRules({ wrap: [] }), page, 'wrapped')).toThrow(/identical to its page/);
  });

  test('on a string the page is said to show but does not, or one left untranslated', () => {
    expect(() => buildVariant(withRules({ shows: ['Message Body', 'Schedule send'] }), page, 'ru')).toThrow(/"Schedule send" has no ru translation/);
    const rules = withRules({});
    const words = rules.rules.words.ru!.filter(([from]) => from !== 'New Message');
    expect(() =>
      buildVariant({ ...rules, rules: { ...rules.rules, words: { ru: [...words, ['New Message', 'Новое сообщение']] } }, shows: ['Archive'] }, page, 'ru'),
    ).toThrow(/does not show "Archive"/);
  });

  test('on a build that renames nothing', () => {
    const rules = withRules({});
    expect(() =>
      buildVariant({ ...rules, rules: { ...rules.rules, classes: { generated: () => false, fresh: (c) => c }, ids: undefined } }, page, 'renamed'),
    ).toThrow(/no generated class or id was renamed/);
  });

  test('on a wrapper the HTML parser would move elsewhere', () => {
    expect(() => buildVariant(withRules({ wrap: ['td.gU'] }), page, 'wrapped')).toThrow(/would not read the variant as written/);
  });
});
