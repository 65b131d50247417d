import { describe, expect, it } from 'vitest';
import { SimilarityRow, similarityRow, wordId } from '../../../src/answer/ranking/word-similarity.js';

describe('word similarity rows', () => {
  it('gives every word one id for the life of the process', () => {
    const id = wordId('frontier-test-word');
    expect(wordId('frontier-test-word')).toBe(id);
    expect(wordId('border-test-word')).not.toBe(id);
  });

  it('computes a cosine once per word pair and serves it from the row after', () => {
    const calls: string[] = [];
    const row = new SimilarityRow('border', (a, b) => (calls.push(`${a}|${b}`), b.length / 10));
    const frontier = wordId('frontier');
    expect(row.at(frontier)).toBeCloseTo(0.8);
    expect(row.at(frontier)).toBeCloseTo(0.8);
    expect(calls).toEqual(['border|frontier']);
  });

  it('keeps the values it computed when it grows to hold a higher id', () => {
    let calls = 0;
    const row = new SimilarityRow('a', (_a, b) => (calls += 1, b === 'low-id-word' ? 0.25 : 0.5));
    const low = wordId('low-id-word');
    expect(row.at(low)).toBe(0.25);
    for (let i = 0; i < 3000; i += 1) wordId(`filler-${i}`);
    expect(row.at(wordId('filler-2999'))).toBe(0.5);
    expect(row.at(low)).toBe(0.25);
    expect(calls).toBe(2);
  });

  it('keeps one row per question word and cosine function across questions', () => {
    const cosine = () => 0;
    expect(similarityRow('moscow', cosine)).toBe(similarityRow('moscow', cosine));
    expect(similarityRow('moscow', () => 0)).not.toBe(similarityRow('moscow', cosine));
  });

  it('computes a cosine from the unit vectors the cosine function gives, with its own values, the same word 1 and an unknown one 0', () => {
    const units: Record<string, Float64Array> = { north: Float64Array.of(0.6, 0.8), south: Float64Array.of(0.8, 0.6) };
    const calls: string[] = [];
    const cosine = Object.assign((a: string, b: string) => (calls.push(`${a}|${b}`), -1), { unit: (word: string) => units[word] ?? null });
    const row = new SimilarityRow('north', cosine);
    expect(row.at(wordId('south'))).toBeCloseTo(0.96);
    expect(row.at(wordId('north'))).toBe(1);
    expect(row.at(wordId('nowhere-word'))).toBe(0);
    expect(calls).toEqual([]);
  });
});
