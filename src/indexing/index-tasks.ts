import { chunkArticle } from '../chunking/chunk-article.js';
import type { Chunk, ChunkerSettings } from '../chunking/chunk.js';
import type { Article } from '../corpus/article.js';
import { writeStore, type StoreContents } from './sqlite-store.js';

/**
 * A self-contained piece of an index build that can run on another thread: it reads only its input,
 * and either writes one file or returns chunks.
 */
export type IndexTask =
  | { kind: 'chunk'; articles: Article[]; chunker: ChunkerSettings }
  | ({ kind: 'store'; file: string } & StoreContents)
  | { kind: 'hnsw'; vectors: Float32Array; dimensions: number; m: number; efConstruction: number; file: string };

/** What a task gives back: chunks for a chunk task, nothing for those that write a file. */
export type IndexTaskResult<T extends IndexTask> = T extends { kind: 'chunk' } ? Chunk[] : void;

/** Chunks articles, writes the SQLite store (documents, chunks, FTS5 index), or builds the HNSW graph over vectors (writing `task.file`). */
export async function runIndexTask<T extends IndexTask>(task: T): Promise<IndexTaskResult<T>> {
  return (await run(task)) as IndexTaskResult<T>;
}

async function run(task: IndexTask): Promise<Chunk[] | void> {
  if (task.kind === 'chunk') return task.articles.flatMap((article) => chunkArticle(article, task.chunker));
  if (task.kind === 'store') {
    writeStore(task.file, task);
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
