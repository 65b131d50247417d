import { describe, expect, it } from 'vitest';
import { locateQuote } from '../../../src/eval/score/locate-quote.js';
import { offlineJudge, scoreAnswer } from '../../../src/eval/score/score-answers.js';

const body = 'Trade between Moscow and Beijing now tops $200bn.  China imports Russian energy, while Russia buys Chinese “technology” and manufactured goods.';
const docs = new Map([['a', { body }], ['b', { body: 'Putin fundamentally distrusts the West.' }]]);
const judge = offlineJudge();

describe('locateQuote', () => {
  it('finds a quote across whitespace, quote-mark and dash differences, with original offsets', () => {
    const found = locateQuote('tops $200bn. China imports Russian energy, while Russia buys Chinese "technology"', docs);
    expect(found).toMatchObject({ docId: 'a' });
    expect(body.slice(found!.start, found!.end)).toBe('tops $200bn.  China imports Russian energy, while Russia buys Chinese “technology”');
  });
  it('does not find a quote with a changed word or different case', () => {
    expect(locateQuote('Trade between Moscow and Beijing now tops $300bn.', docs)).toBeUndefined();
    expect(locateQuote('trade between moscow', docs)).toBeUndefined();
  });
});

describe('scoreAnswer', () => {
  it('scores a faithful, correctly cited answer 1 on every metric', async () => {
    const scored = await scoreAnswer({ id: 'x', answer: 'Trade between Moscow and Beijing tops $200bn [1]. Putin distrusts the West [2].', citations: [
      { n: 1, quote: 'Trade between Moscow and Beijing now tops $200bn.', docId: 'a', start: 0, end: 49 },
      { n: 2, quote: 'Putin fundamentally distrusts the West.' },
    ] }, docs, judge);
    expect(scored).toMatchObject({ citationValidity: 1, citationRecall: 1, citationPrecision: 1, faithfulness: 1 });
    expect(scored.citations[1]).toMatchObject({ docId: 'b', start: 0, end: 39, valid: true });
  });

  it('marks a citation invalid when the quote is not at its stated offsets or in no article', async () => {
    const scored = await scoreAnswer({ id: 'x', answer: 'Trade is big [1]. Something [2].', citations: [
      { n: 1, quote: 'Trade between Moscow and Beijing now tops $200bn.', docId: 'a', start: 5, end: 54 },
      { n: 2, quote: 'Words no article has.' },
    ] }, docs, judge);
    expect(scored.citationValidity).toBe(0);
    expect(scored.citations.map((c) => c.valid)).toEqual([false, false]);
  });

  it('counts an irrelevant extra citation against precision (ALCE), not against recall', async () => {
    const scored = await scoreAnswer({ id: 'x', answer: 'Trade between Moscow and Beijing tops $200bn [1][2].', citations: [
      { n: 1, quote: 'Trade between Moscow and Beijing now tops $200bn.' },
      { n: 2, quote: 'Putin fundamentally distrusts the West.' },
    ] }, docs, judge);
    expect(scored.citationRecall).toBe(1);
    expect(scored.citationPrecision).toBe(0.5);
  });

  it('finds a changed number unsupported, an uncited sentence unsupported, and faithfulness against given contexts', async () => {
    const scored = await scoreAnswer({ id: 'x', answer: 'Trade tops $900bn [1]. Putin distrusts the West.', citations: [
      { n: 1, quote: 'Trade between Moscow and Beijing now tops $200bn.' },
    ], contexts: ['Putin fundamentally distrusts the West.'] }, docs, judge);
    expect(scored.statements.map((s) => [s.supported, s.reason])).toEqual([[false, 'number 900bn is not in the source'], [false, 'no citation']]);
    expect(scored.citationRecall).toBe(0);
    expect(scored.faithfulness).toBe(0.5);
  });
});
