import { describe, expect, it } from 'vitest';
import { scoreSupport } from '../../../src/answer/citations/score-support.js';
import { judgeAccuracy, readSupportDataset } from '../../../src/eval/judge/support-dataset.js';

const supported = (claim: string, source: string) => scoreSupport(claim, source).level === 'supported';

describe('the offline support judge', () => {
  it('catches swapped actors, number words, antonyms and scoped negation', () => {
    expect(supported('The West fundamentally distrusts Putin.', 'Moreover, Putin fundamentally distrusts the West.')).toBe(false);
    expect(supported('Putin fundamentally distrusts the West.', 'Moreover, Putin fundamentally distrusts the West.')).toBe(true);
    expect(supported('Russia is one of seven permanent members.', 'Russia is one of the five permanent members.')).toBe(false);
    expect(supported('Putin trusts the West.', 'Putin distrusts the West.')).toBe(false);
    expect(supported('China will weaken its ties with Russia.', 'Rather than weakening its ties with Russia, China will double down.')).toBe(false);
    expect(supported('India is a major importer of Russian oil.', 'India remains a partner, not least as a major importer of Russian oil.')).toBe(true);
  });
  it('ends a negation at its phrase: punctuation, a dash or a new clause', () => {
    expect(supported('The world is multipolar, no longer bipolar.', 'Today the world is no longer bipolar—it is multipolar.')).toBe(true);
    expect(supported('Putin and Xi declared a friendship without limits in February 2022.', 'Putin and Xi declared a “friendship without limits” in a display of support in February 2022.')).toBe(true);
    expect(supported('The order cannot be trusted, Moscow has concluded.', 'For Moscow, the lesson is clear: the order cannot be trusted.')).toBe(true);
    expect(supported('The world is multipolar, no longer bipolar.', 'Today the world is no longer multipolar—it is bipolar.')).toBe(false);
  });
  it('rejects an opposite that no prefix marks ("succeed" for "fail", "included" for "excluded")', () => {
    expect(supported('Replicating that strategy is likely to succeed.', 'Trying to replicate that strategy is likely to fail.')).toBe(false);
    expect(supported('Beijing was included in the peace talks.', 'Beijing finds itself excluded from the peace talks.')).toBe(false);
    expect(supported('The risk remains high.', 'The risk remains high, and few think it will fall.')).toBe(true);
  });
  it('reads "the two" as a reference, but a number word against a stated count as a count', () => {
    expect(supported('By 1969 the two were fighting border clashes.', 'By 1969, they were fighting border clashes.')).toBe(true);
    expect(supported('Putin set three conditions for talks.', 'Putin set two conditions for talks.')).toBe(false);
  });
  it('catches actors swapped across a long clause', () => {
    expect(supported('Beijing is now a vassal or at best a junior partner to Moscow.', 'Moscow is now a vassal or at best a junior partner to Beijing.')).toBe(false);
  });
  it('does not flag a symmetric statement as swapped', () => {
    expect(supported('China buys Russian energy and Russia buys Chinese goods.', 'China buys Russian energy, while Russia buys Chinese goods.')).toBe(true);
  });
  it('keeps at least the measured accuracy on the held-out split of evals/support.jsonl (never used for tuning)', async () => {
    const pairs = await readSupportDataset('evals/support.jsonl');
    expect(pairs.length).toBeGreaterThanOrEqual(140);
    const heldOut = judgeAccuracy(pairs.filter((p) => p.split === 'holdout'), (p) => supported(p.statement, p.cited));
    expect(heldOut.n).toBeGreaterThanOrEqual(50);
    expect(heldOut.accuracy).toBeGreaterThanOrEqual(0.9);
  });
});
