import { selectTop } from './select-top.js';

/** The nearest stored vectors to a query, as hnswlib's searchKnn returns them: positions and cosine distances, nearest first. */
export interface KnnResult { neighbors: number[]; distances: number[] }

/**
 * Exhaustive nearest neighbours over unit vectors laid end to end (HNSW's cosine space stores them normalised):
 * what a graph search with ef at least the point count does anyway, without walking the graph. `live` leaves out
 * deleted positions, as the graph's tombstones are left out.
 */
export function exactKnn(vectors: Float32Array, dimensions: number, live: (position: number) => boolean, query: number[], k: number): KnnResult {
  let norm = 0;
  for (const value of query) norm += value * value;
  norm = Math.sqrt(norm) || 1;
  const count = vectors.length / dimensions;
  const similarity = new Float64Array(count);
  for (let p = 0; p < count; p += 1) {
    if (!live(p)) { similarity[p] = -Infinity; continue; }
    let dot = 0;
    const offset = p * dimensions;
    for (let d = 0; d < dimensions; d += 1) dot += vectors[offset + d]! * query[d]!;
    similarity[p] = dot / norm;
  }
  const neighbors = selectTop(count, (p) => similarity[p]!, k).filter((p) => similarity[p] !== -Infinity);
  return { neighbors, distances: neighbors.map((p) => 1 - similarity[p]!) };
}
