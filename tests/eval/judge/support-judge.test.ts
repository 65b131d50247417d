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
  it('does not flag a symmetric statement as swapped', () => {
    expect(supported('China buys Russian energy and Russia buys Chinese goods.', 'China buys Russian energy, while Russia buys Chinese goods.')).toBe(true);
  });
  it('keeps at least the measured accuracy on the held-out half of evals/support.jsonl (never used for tuning)', async () => {
    const pairs = await readSupportDataset('evals/support.jsonl');
    expect(pairs.length).toBeGreaterThanOrEqual(80);
    const test = judgeAccuracy(pairs.filter((p) => p.split === 'test'), (p) => supported(p.statement, p.cited));
    expect(test.n).toBeGreaterThanOrEqual(40);
    expect(test.accuracy).toBeGreaterThanOrEqual(0.7);
  });
});
