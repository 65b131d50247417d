import { describe, expect, it } from 'vitest';
import { splitStatements } from '../../../src/eval/score/split-statements.js';

describe('splitStatements', () => {
  it('returns the answer\'s sentences in order with the [n] markers each carries', () => {
    expect(splitStatements('Trade tops $200bn [1][3]. Russia relies on China. It is unlikely to end [2].')).toEqual([
      { text: 'Trade tops $200bn.', citations: [1, 3] },
      { text: 'Russia relies on China.', citations: [] },
      { text: 'It is unlikely to end.', citations: [2] },
    ]);
  });
  it('gives a marker after the full stop to the sentence before it, and drops Markdown and list intros', () => {
    expect(splitStatements('**In short:** Moscow needs Beijing. [1]\n\nThe articles also say:\n- Trade is large. [2]')).toEqual([
      { text: 'In short: Moscow needs Beijing.', citations: [1] },
      { text: 'Trade is large.', citations: [2] },
    ]);
  });
});

describe('splitStatements with quotations', () => {
  it('keeps a multi-sentence quotation as one statement whose claim is the quoted text, without its attribution', () => {
    expect(splitStatements('- “Trade is large. It keeps growing.” — Julian D. Paulsen [2]')).toEqual([
      { text: 'Trade is large. It keeps growing.', citations: [2] },
    ]);
  });
  it('drops a short lead-in label and keeps stray quote marks of the source inside one quoted point', () => {
    expect(splitStatements('**In short:** “Trump said,” I will un-unite them.” Then he left.” — Linggong Kong (Asia Times) [1][3]')).toEqual([
      { text: 'Trump said,” I will un-unite them.” Then he left.', citations: [1, 3] },
    ]);
  });
  it('splits a line that only contains a quotation among other sentences as plain sentences', () => {
    expect(splitStatements('Paulsen calls it “naïve”. Trade is large [1].')).toEqual([
      { text: 'Paulsen calls it “naïve”.', citations: [] },
      { text: 'Trade is large.', citations: [1] },
    ]);
  });
});
