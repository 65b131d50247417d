import path from 'node:path';
import { readCsv } from './read-csv.js';

/** ArgKP-2021's topics split by their sorted position: every fifth is test (never trained on), the next dev, the rest train. */
export function argkpSplit(topics: string[]): Map<string, 'train' | 'dev' | 'test'> {
  return new Map([...new Set(topics)].sort().map((topic, i) => [topic, i % 5 === 0 ? 'test' : i % 5 === 1 ? 'dev' : 'train']));
}

/** ArgKP-2021's (key point, argument) pairs of one split, read from the shared data folder. */
export async function argkpPairs(dataDir: string, split: 'train' | 'dev' | 'test'): Promise<Array<{ a: string; b: string; same: boolean }>> {
  const rows = await readCsv(path.join(dataDir, 'ibm-debater/argkp-2021/ArgKP-2021_dataset.csv'));
  const splits = argkpSplit(rows.map((r) => r.topic!));
  return rows.filter((r) => splits.get(r.topic!) === split).map((r) => ({ a: r.key_point!, b: r.argument!, same: r.label === '1' }));
}
