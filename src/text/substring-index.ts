import { lowerBound } from './lower-bound.js';

/**
 * Whether any of a set of words contains a string of at least `min` characters: a binary search over the words'
 * sorted suffixes of that length or more (a suffix array of the vocabulary), instead of a pass over every word.
 */
export function substringIndex(words: Iterable<string>, min: number): (part: string) => boolean {
  const suffixes: string[] = [];
  for (const word of words) for (let i = 0; i + min <= word.length; i += 1) suffixes.push(word.slice(i));
  suffixes.sort();
  return (part) => {
    if (part.length < min) throw new RangeError(`substringIndex answers for strings of at least ${min} characters`);
    const at = lowerBound(suffixes, part);
    return at < suffixes.length && suffixes[at]!.startsWith(part);
  };
}
