import type { MessageCase } from './browser-message-cases';
import type { Outcome } from './browser-message-sender';

/*
 * What the receiver did with each case, against what the schema says it must do: answer a
 * valid request, and give nothing at all for anything it must not act on.
 */

export interface Verdict {
  tried: number;
  /** Valid cases (each answered if its type answers). */
  valid: number;
  /** Invalid cases the receiver ignored, and those the browser refused to send. */
  ignored: number;
  refusedByBrowser: number;
  /** Cases answered though invalid, or valid but unanswered: each with its tags and outcome. */
  wrong: { tags: string[]; outcome: Outcome; json: string }[];
  /** Cases that hung or met no receiver. */
  broken: { tags: string[]; outcome: Outcome; json: string }[];
  /** How many cases carried each kind of attack. */
  tags: Record<string, number>;
}

export function judge(cases: readonly MessageCase[], outcomes: readonly Outcome[]): Verdict {
  const verdict: Verdict = { tried: cases.length, valid: 0, ignored: 0, refusedByBrowser: 0, wrong: [], broken: [], tags: {} };
  cases.forEach((c, i) => {
    const outcome = outcomes[i]!;
    for (const tag of new Set(c.tags)) verdict.tags[tag] = (verdict.tags[tag] ?? 0) + 1;
    const shown = { tags: c.tags, outcome, json: c.json.length > 300 ? `${c.json.slice(0, 300)}… (${c.json.length} chars)` : c.json };
    if (outcome === 'hung' || outcome.startsWith('error')) return void verdict.broken.push(shown);
    if (outcome === 'refused') {
      verdict.refusedByBrowser += 1;
      // The browser refusing a valid message would be a test that proves nothing; none is made.
      if (c.valid) verdict.wrong.push(shown);
      return;
    }
    if (c.valid) verdict.valid += 1;
    else verdict.ignored += 1;
    if ((outcome === 'answered') !== c.answers) verdict.wrong.push(shown);
  });
  return verdict;
}
