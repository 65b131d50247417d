import { describe, expect, it } from 'vitest';
import { analyseQuestion } from '../../../src/answer/ranking/question-analysis.js';

describe('analyseQuestion', () => {
  it('reads the answer type from the wording', () => {
    expect(analyseQuestion('Why won\'t the split work?').type).toBe('reason');
    expect(analyseQuestion('How many troops are there?').type).toBe('number');
    expect(analyseQuestion('In what year was the pact signed?').type).toBe('time');
    expect(analyseQuestion('Who leads the bank?').type).toBe('person');
    expect(analyseQuestion('Where was the summit held?').type).toBe('place');
    expect(analyseQuestion('Is the alliance durable?').type).toBe('polar');
    expect(analyseQuestion('What is the population of Brazil?').type).toBe('other');
  });
  it('takes as focus the content words that are neither names nor framing nor contractions', () => {
    expect(analyseQuestion('What is the population of Brazil?').focus.map((t) => t.word)).toEqual(['population']);
    expect(analyseQuestion('Why won\'t the split work?').focus.map((t) => t.word)).toEqual(['split', 'work']);
    const terms = analyseQuestion('What does Jin Canrong say about the Kremlin?').terms;
    expect(terms.filter((t) => t.name).map((t) => t.word)).toEqual(['jin', 'canrong', 'kremlin']);
  });
});
