import { GloveEmbedder } from '../../src/embeddings/glove-embedder.js';
import { loadGloveVectors, type GloveVectors } from '../../src/embeddings/glove-vectors.js';

let vectors: Promise<GloveVectors> | undefined;

/** The real offline embedder over the shared word-vector cache (loaded once per test file). */
export async function gloveEmbedder(): Promise<GloveEmbedder> {
  vectors ??= loadGloveVectors('indexes/.cache');
  return new GloveEmbedder(await vectors);
}

/** The shared word vectors themselves (loaded once per test file). */
export function sharedGlove(): Promise<GloveVectors> {
  vectors ??= loadGloveVectors('indexes/.cache');
  return vectors;
}
