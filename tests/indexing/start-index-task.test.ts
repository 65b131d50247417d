import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/indexing/build-index.js';
import { indexLayout } from '../../src/indexing/index-layout.js';
import { readCurrentBuild } from '../../src/indexing/open-index.js';
import { gloveEmbedder } from '../helpers/glove.js';
import { smallCorpus } from '../helpers/small-corpus.js';
import { useTempDirs } from '../helpers/temp-dir.js';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');
const tempDir = useTempDirs();

// The compiled build runs the BM25 and HNSW tasks on a worker thread; these sources run them in process.
const BUILD_WITH_WORKERS = `
const [articlesFile, indexDir] = process.argv.slice(2);
const { readFile } = await import('node:fs/promises');
const { buildIndex } = await import(${JSON.stringify(path.join(root, 'dist/src/indexing/build-index.js'))});
const { GloveEmbedder } = await import(${JSON.stringify(path.join(root, 'dist/src/embeddings/glove-embedder.js'))});
const { loadGloveVectors } = await import(${JSON.stringify(path.join(root, 'dist/src/embeddings/glove-vectors.js'))});
const embedder = new GloveEmbedder(await loadGloveVectors(${JSON.stringify(path.join(root, 'indexes/.cache'))}));
await buildIndex({ articles: JSON.parse(await readFile(articlesFile, 'utf8')), embedder, indexDir, threadsFromChars: 0 });
`;

beforeAll(async () => {
  if (!existsSync(path.join(root, 'dist/src/indexing/index-worker.js'))) await run('npm', ['run', 'build'], { cwd: root });
}, 120_000);

describe('index tasks on a worker thread', () => {
  it('write the same BM25 index, HNSW graph, chunks and vectors as a build that runs them in process', async () => {
    const [inProcess, withWorkers] = [await tempDir(), await tempDir()];
    const articles = smallCorpus();
    await buildIndex({ articles, embedder: await gloveEmbedder(), indexDir: inProcess });
    const articlesFile = path.join(withWorkers, 'articles.json');
    const script = path.join(withWorkers, 'build.mjs');
    await writeFile(articlesFile, JSON.stringify(articles));
    await writeFile(script, BUILD_WITH_WORKERS);
    await run(process.execPath, [script, articlesFile, path.join(withWorkers, 'index')], { cwd: root });
    const files = async (dir: string) => indexLayout(dir).build((await readCurrentBuild(dir))!);
    const [a, b] = [await files(inProcess), await files(path.join(withWorkers, 'index'))];
    for (const pick of [(f: typeof a) => f.store, (f: typeof a) => path.join(f.dense, 'hnswlib.index')]) {
      expect((await readFile(pick(b))).equals(await readFile(pick(a)))).toBe(true);
    }
  }, 60_000);
});
