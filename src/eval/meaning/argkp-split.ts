/** ArgKP-2021's topics split by their sorted position: every fifth is test (never trained on), the next dev, the rest train. */
export function argkpSplit(topics: string[]): Map<string, 'train' | 'dev' | 'test'> {
  return new Map([...new Set(topics)].sort().map((topic, i) => [topic, i % 5 === 0 ? 'test' : i % 5 === 1 ? 'dev' : 'train']));
}
