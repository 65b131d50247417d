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
    let low = 0;
    let high = suffixes.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (suffixes[mid]! < part) low = mid + 1;
      else high = mid;
    }
    return low < suffixes.length && suffixes[low]!.startsWith(part);
  };
}
