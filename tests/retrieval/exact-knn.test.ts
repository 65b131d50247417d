import hnswlib from 'hnswlib-node';
import { describe, expect, it } from 'vitest';
import { exactKnn } from '../../src/retrieval/exact-knn.js';

// A seeded generator, so the vectors (and any failure) are the same on every run.
function random(seed: number): () => number {
  let state = seed;
  return () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) - 0.5;
}

describe('exactKnn', () => {
  it('returns the neighbours, in order and at the distances, that an HNSW graph searched with ef above its size returns', () => {
    const dims = 16;
    const count = 120;
    const next = random(7);
    const graph = new hnswlib.HierarchicalNSW('cosine', dims);
    graph.initIndex(count);
    for (let i = 0; i < count; i += 1) graph.addPoint(Array.from({ length: dims }, next), i);
    graph.markDelete(5);
    graph.setEf(count);
    const flat = new Float32Array(count * dims);
    for (let i = 0; i < count; i += 1) if (i !== 5) flat.set(graph.getPoint(i), i * dims);
    for (let q = 0; q < 5; q += 1) {
      const query = Array.from({ length: dims }, next);
      const expected = graph.searchKnn(query, 30);
      const found = exactKnn(flat, dims, (i) => i !== 5, query, 30);
      expect(found.neighbors).toEqual(expected.neighbors);
      found.distances.forEach((d, i) => expect(d).toBeCloseTo(expected.distances[i]!, 5));
    }
  });

  it('leaves deleted positions out and returns fewer than asked when fewer are live', () => {
    const flat = Float32Array.of(1, 0, 0, 1, 0.6, 0.8);
    const found = exactKnn(flat, 2, (i) => i !== 0, [1, 0], 5);
    expect(found.neighbors).toEqual([2, 1]);
    expect(found.distances[0]).toBeCloseTo(0.4);
  });
});
