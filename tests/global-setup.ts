import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadGloveVectors } from '../src/embeddings/glove-vectors.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A directory for this run's shared indexes, removed when the run ends. */
    runTempDir: string;
  }
}

/** Converts the GloVe JSON to the binary cache once, before test files run in parallel; gives the run a temp dir it removes at the end. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await loadGloveVectors('indexes/.cache', (line) => process.stderr.write(`${line}\n`));
  const dir = await mkdtemp(path.join(os.tmpdir(), 'wedge-run-'));
  project.provide('runTempDir', dir);
  return () => rm(dir, { recursive: true, force: true });
}
