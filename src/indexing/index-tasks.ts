import { writeFile } from 'node:fs/promises';
import { buildLexicalIndex } from './lexical-index.js';

/** A self-contained piece of an index build that can run on another thread: it reads only its input and writes one file. */
export type IndexTask =
  | { kind: 'lexical'; texts: string[]; file: string }
  | { kind: 'hnsw'; vectors: Float32Array; dimensions: number; m: number; efConstruction: number; file: string };

/** Builds the BM25 index over the search texts, or the HNSW graph over the vectors, and writes it to `task.file`. */
export async function runIndexTask(task: IndexTask): Promise<void> {
  if (task.kind === 'lexical') {
    await writeFile(task.file, JSON.stringify(buildLexicalIndex(task.texts)));
    return;
  }
  // Points are added here rather than through HNSWLib.addVectors, which re-initialises the graph with hnswlib's defaults.
  const { vectors, dimensions } = task;
  const { HierarchicalNSW } = (await import('hnswlib-node')).default;
  const count = vectors.length / dimensions;
  const graph = new HierarchicalNSW('cosine', dimensions);
  graph.initIndex(Math.max(1, count), task.m, task.efConstruction);
  for (let i = 0; i < count; i += 1) graph.addPoint(Array.from(vectors.subarray(i * dimensions, (i + 1) * dimensions)), i);
  await graph.writeIndex(task.file);
}
