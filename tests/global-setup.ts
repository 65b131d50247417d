import { loadGloveVectors } from '../src/embeddings/glove-vectors.js';

/** Converts the GloVe JSON to the binary cache once, before test files run in parallel. */
export default async function setup(): Promise<void> {
  await loadGloveVectors('indexes/.cache', (line) => process.stderr.write(`${line}\n`));
}
