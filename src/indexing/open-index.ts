import { readFile } from 'node:fs/promises';
import { HNSWLib } from '@langchain/community/vectorstores/hnswlib';
import { z } from 'zod';
import { chunkSchema, type Chunk } from '../chunking/chunk.js';
import { articleMetaSchema, type ArticleMeta } from '../corpus/article.js';
import type { WedgeEmbeddings } from '../embeddings/wedge-embeddings.js';
import { EmbedderMismatchError, IndexCorruptError, IndexMissingError } from '../errors/wedge-error.js';
import type { SentenceRef } from './build-index.js';
import { indexLayout } from './index-layout.js';
import { loadLexicalIndex, type LexicalIndex } from './lexical-index.js';
import { manifestSchema, type Manifest } from './manifest.js';

/** A loaded index: everything retrieval needs, held in memory. */
export interface OpenIndex {
  dir: string;
  manifest: Manifest;
  docs: Map<string, { meta: ArticleMeta; body: string }>;
  chunks: Chunk[];
  dense: HNSWLib;
  lexical: LexicalIndex;
  embedder: WedgeEmbeddings;
  /** Row of each sentence's vector, keyed "docId:start:end". */
  sentenceRows: Map<string, number>;
  sentenceVectors: Float32Array;
}

const docsSchema = z.array(z.object({ meta: articleMetaSchema, body: z.string() }));
const sentencesSchema = z.array(z.object({ docId: z.string(), start: z.number(), end: z.number() }));

/** Reads which build is live, or undefined when no index has been built. */
export async function readCurrentBuild(indexDir: string): Promise<string | undefined> {
  const text = await readFile(indexLayout(indexDir).currentFile, 'utf8').catch(() => undefined);
  return text?.trim() || undefined;
}

/** Reads the live build's manifest, or undefined when there is no index. */
export async function readManifest(indexDir: string): Promise<Manifest | undefined> {
  const buildId = await readCurrentBuild(indexDir);
  if (!buildId) return undefined;
  const file = indexLayout(indexDir).build(buildId).manifest;
  try {
    return manifestSchema.parse(JSON.parse(await readFile(file, 'utf8')));
  } catch (error) {
    throw new IndexCorruptError(indexDir, `manifest ${file}: ${(error as Error).message.split('\n')[0]}`);
  }
}

/** Loads the live index; the embedder must be the one it was built with, or this fails clearly. */
export async function openIndex(indexDir: string, embedder: WedgeEmbeddings): Promise<OpenIndex> {
  const manifest = await readManifest(indexDir);
  if (!manifest) throw new IndexMissingError(indexDir);
  if (manifest.embedder.id !== embedder.id) throw new EmbedderMismatchError(manifest.embedder.id, embedder.id);
  const files = indexLayout(indexDir).build(manifest.buildId);
  try {
    const [docs, chunks, lexical, sentences, vectors, dense] = await Promise.all([
      readFile(files.docs, 'utf8').then((text) => docsSchema.parse(JSON.parse(text))),
      readFile(files.chunks, 'utf8').then((text) => z.array(chunkSchema).parse(JSON.parse(text))),
      readFile(files.lexical, 'utf8').then(loadLexicalIndex),
      readFile(files.sentences, 'utf8').then((text) => sentencesSchema.parse(JSON.parse(text)) as SentenceRef[]),
      readFile(files.sentenceVectors),
      HNSWLib.load(files.dense, embedder),
    ]);
    const dims = manifest.embedder.dimensions;
    if (chunks.length !== manifest.counts.chunks || vectors.length !== sentences.length * dims * 4 || dense.index.getCurrentCount() !== chunks.length) {
      throw new Error('file sizes disagree with the manifest');
    }
    embedder.restore(manifest.embedder.state);
    // Search quality over speed: a wide beam keeps approximate search close to exact at this size.
    dense.index.setEf(Math.max(64, Math.min(400, chunks.length)));
    const sentenceVectors = new Float32Array(sentences.length * dims);
    new Uint8Array(sentenceVectors.buffer).set(vectors);
    return {
      dir: indexDir,
      manifest,
      docs: new Map(docs.map((doc) => [doc.meta.id, doc])),
      chunks,
      dense,
      lexical,
      embedder,
      sentenceRows: new Map(sentences.map((s, row) => [`${s.docId}:${s.start}:${s.end}`, row])),
      sentenceVectors,
    };
  } catch (error) {
    throw new IndexCorruptError(indexDir, (error as Error).message.split('\n')[0] ?? 'unknown error');
  }
}
