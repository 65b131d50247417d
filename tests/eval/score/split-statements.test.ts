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

describe('splitStatements with citation markers as chat models write them', () => {
  const expected = [{ text: 'Russia needs China.', citations: [1] }, { text: 'Trade is large.', citations: [2] }];
  it('gives a marker after the full stop to the sentence before it', () => {
    expect(splitStatements('Russia needs China. [1] Trade is large. [2]')).toEqual(expected);
  });
  it('gives a marker before the full stop to its own sentence', () => {
    expect(splitStatements('Russia needs China [1]. Trade is large [2].')).toEqual(expected);
  });
  it('reads footnote markers and drops footnote definitions', () => {
    expect(splitStatements('Russia needs China.[^1] Trade is large.[^2]\n\n[^1]: Paulsen, The Diplomat.\n[^2]: Asia Times.')).toEqual(expected);
  });
  it('reads adjacent markers, lists and ranges as every number they name', () => {
    expect(splitStatements('One point. [1][2] Two points [1, 3]. Three points. [2-4]')).toEqual([
      { text: 'One point.', citations: [1, 2] },
      { text: 'Two points.', citations: [1, 3] },
      { text: 'Three points.', citations: [2, 3, 4] },
    ]);
  });
  it('gives a marker at the start of a line to the sentence after it, never to the line before', () => {
    expect(splitStatements('Russia needs China.\n[2] Trade is large.')).toEqual([
      { text: 'Russia needs China.', citations: [] },
      { text: 'Trade is large.', citations: [2] },
    ]);
  });
  it('does not expand a range of absurd length', () => {
    expect(splitStatements('A claim. [1-100000]')).toEqual([{ text: 'A claim.', citations: [1] }]);
  });
});
