import { describe, expect, it } from 'vitest';
import { segmentSentences } from '../../src/chunking/segment-sentences.js';

const split = (text: string) => segmentSentences(text).map((s) => text.slice(s.start, s.end));

describe('segmentSentences', () => {
  it('does not break after U.S., Dr., Mr. or an initial (where Intl.Segmenter alone does)', () => {
    const raw = [...new Intl.Segmenter('en', { granularity: 'sentence' }).segment('As U.S. President Trump said. Dr. Li agreed.')];
    expect(raw.length).toBeGreaterThan(2);
    expect(split('As U.S. President Donald Trump shifts toward Russia, China worries. Dr. Smith agreed.'))
      .toEqual(['As U.S. President Donald Trump shifts toward Russia, China worries.', 'Dr. Smith agreed.']);
    expect(split('Mr. Jones and Julian D. Paulsen wrote it. Then they left.'))
      .toEqual(['Mr. Jones and Julian D. Paulsen wrote it.', 'Then they left.']);
  });

  it('ends a sentence at "$200bn." and after a closing quote', () => {
    expect(split('Trade now tops $200bn. China imports Russian energy.')).toEqual(['Trade now tops $200bn.', 'China imports Russian energy.']);
    expect(split('Trump said, “I can do that as well.” He claimed it.')).toEqual(['Trump said, “I can do that as well.”', 'He claimed it.']);
  });

  it('ends a sentence at a dotted acronym when a typical sentence opener follows', () => {
    expect(split('They met in the U.S. The talks failed.')).toEqual(['They met in the U.S.', 'The talks failed.']);
  });

  it('returns trimmed offsets shifted by the given base', () => {
    const spans = segmentSentences('  One. Two.  ', 100);
    expect(spans).toEqual([{ start: 102, end: 106 }, { start: 107, end: 111 }]);
  });
});
