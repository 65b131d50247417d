import { describe, expect, it } from 'vitest';
import { substringIndex } from '../../src/text/substring-index.js';

describe('substringIndex', () => {
  it('finds a string inside a longer word, at its start, middle or end', () => {
    const inside = substringIndex(['transatlantic', 'borders', 'kremlin'], 5);
    expect(['atlan', 'trans', 'lantic', 'order', 'kremlin'].map(inside)).toEqual([true, true, true, true, true]);
    expect(['atlas', 'pacific', 'kremlins'].map(inside)).toEqual([false, false, false]);
  });

  it('answers as a scan of every word would, on random words', () => {
    let state = 3;
    const letter = () => 'abcde'[(state = (state * 1103515245 + 12345) % 2 ** 31) % 5]!;
    const words = Array.from({ length: 300 }, () => Array.from({ length: 3 + (state % 9) }, letter).join(''));
    const inside = substringIndex(words, 5);
    for (let i = 0; i < 500; i += 1) {
      const part = Array.from({ length: 5 + (i % 3) }, letter).join('');
      expect(inside(part)).toBe(words.some((word) => word.includes(part)));
    }
  });

  it('refuses a string shorter than the suffixes it keeps', () => {
    expect(() => substringIndex(['word'], 5)('abc')).toThrow(RangeError);
  });
});
