import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleWords } from '../../src/corpus/article-words.js';
import { GloveEmbedder } from '../../src/embeddings/glove-embedder.js';
import { loadGloveVectors } from '../../src/embeddings/glove-vectors.js';
import { EmbedderMismatchError, IndexCorruptError, IndexMissingError } from '../../src/errors/wedge-error.js';
import { buildIndex } from '../../src/indexing/build-index.js';
import { checkIndex, ensureIndex } from '../../src/indexing/ensure-index.js';
import { indexLayout } from '../../src/indexing/index-layout.js';
import { openIndex, readCurrentBuild } from '../../src/indexing/open-index.js';
import { createRetriever } from '../../src/retrieval/create-retriever.js';
import { gloveEmbedder } from '../helpers/glove.js';
import { smallCorpus } from '../helpers/small-corpus.js';
import { useTempDirs } from '../helpers/temp-dir.js';

const tempDir = useTempDirs();

describe('buildIndex and openIndex', () => {
  it('builds an index whose manifest records corpus hash, chunker, embedder and counts, and loads it back', async () => {
    const dir = await tempDir();
    const embedder = await gloveEmbedder();
    const manifest = await buildIndex({ articles: smallCorpus(), embedder, indexDir: dir });
    expect(manifest).toMatchObject({ format: 4, embedder: { id: 'glove-sg-100d/sif', dimensions: 100 }, counts: { docs: 3 } });
    expect(manifest.corpusHash).toMatch(/^[0-9a-f]{64}$/);
    const index = await openIndex(dir, embedder);
    expect(index.store.chunkCount).toBe(manifest.counts.chunks);
    expect(index.docs.get('history')?.body).toContain('Kissinger');
    expect(index.dense.index.getCurrentCount()).toBe(index.store.chunkCount);
    const hits = await createRetriever(index).search('Kissinger and Nixon in Beijing', { k: 1 });
    expect(hits[0]?.docId).toBe('history');
  });

  it('reports missing, fresh and stale (changed article, changed embedder) correctly', async () => {
    const dir = await tempDir();
    const embedder = await gloveEmbedder();
    const articles = smallCorpus();
    expect((await checkIndex(dir, articles, embedder.id)).state).toBe('missing');
    const first = await ensureIndex({ indexDir: dir, articles, embedder });
    expect(first).toMatchObject({ built: true, previous: 'missing' });
    const again = await ensureIndex({ indexDir: dir, articles, embedder });
    expect(again).toMatchObject({ built: false, previous: 'fresh' });
    expect(again.manifest.buildId).toBe(first.manifest.buildId);
    const edited = articles.map((a) => (a.meta.id === 'energy' ? { ...a, body: `${a.body}More gas.\n` } : a));
    expect((await checkIndex(dir, edited, embedder.id)).state).toBe('stale');
    expect((await checkIndex(dir, articles, 'openai/text-embedding-3-small')).state).toBe('stale');
    const rebuilt = await ensureIndex({ indexDir: dir, articles: edited, embedder });
    expect(rebuilt).toMatchObject({ built: true, previous: 'stale' });
    const forced = await ensureIndex({ indexDir: dir, articles: edited, embedder, force: true });
    expect(forced.built).toBe(true);
  });

  it('refuses to query an index with a different embedder', async () => {
    const dir = await tempDir();
    const vectors = await loadGloveVectors('indexes/.cache');
    await buildIndex({ articles: smallCorpus(), embedder: new GloveEmbedder(vectors), indexDir: dir });
    await expect(openIndex(dir, new GloveEmbedder(vectors, { weighting: 'mean' }))).rejects.toThrow(EmbedderMismatchError);
    await expect(openIndex(dir, new GloveEmbedder(vectors, { weighting: 'mean' }))).rejects.toThrow(/built with embedder "glove-sg-100d\/sif"/);
  });

  it('reports a missing index and a corrupt one with the command that fixes it', async () => {
    const dir = await tempDir();
    const embedder = await gloveEmbedder();
    await expect(openIndex(dir, embedder)).rejects.toThrow(IndexMissingError);
    const manifest = await buildIndex({ articles: smallCorpus(), embedder, indexDir: dir });
    const files = indexLayout(dir).build(manifest.buildId);
    await writeFile(files.store, 'not a database');
    await expect(openIndex(dir, embedder)).rejects.toThrow(IndexCorruptError);
    await expect(openIndex(dir, embedder)).rejects.toThrow(/wedge index --force/);
    await writeFile(files.manifest, 'not json');
    await expect(ensureIndex({ indexDir: dir, articles: smallCorpus(), embedder })).resolves.toMatchObject({ built: true });
    await expect(openIndex(dir, embedder)).resolves.toBeTruthy();
  });

  it('names an index built by another version of wedge as such, and ensureIndex rebuilds it', async () => {
    const dir = await tempDir();
    const embedder = await gloveEmbedder();
    const manifest = await buildIndex({ articles: smallCorpus(), embedder, indexDir: dir });
    const file = indexLayout(dir).build(manifest.buildId).manifest;
    await writeFile(file, JSON.stringify({ ...manifest, format: 1 }));
    await expect(openIndex(dir, embedder)).rejects.toThrow(/another version of wedge: index format 1, this version reads 4.*wedge index --force/);
    await expect(ensureIndex({ indexDir: dir, articles: smallCorpus(), embedder })).resolves.toMatchObject({ built: true });
    await expect(openIndex(dir, embedder)).resolves.toBeTruthy();
  });

  it('returns passage text equal to the body at its offsets, with accents, curly quotes and emoji before the passage', async () => {
    const dir = await tempDir();
    const embedder = await gloveEmbedder();
    const lead = 'Café owners in Zürich said “we’re fine” 🚀🚀 and left. ';
    const articles = [
      ...smallCorpus(),
      { meta: { id: 'emoji', title: 'Rocket notes' }, body: `${lead.repeat(30)}\n\nThe pipeline through Mongolia carries gas to northern China for decades.`, file: 'emoji.md' },
      { meta: { id: 'accents', title: 'Café notes' }, body: `${lead.replace(/🚀/g, '').repeat(30)}\n\nThe turbine exports to Kazakhstan doubled in the year after the sanctions.`, file: 'accents.md' },
    ];
    await buildIndex({ articles, embedder, indexDir: dir });
    const index = await openIndex(dir, embedder);
    const retriever = createRetriever(index);
    for (const [query, id] of [['pipeline through Mongolia', 'emoji'], ['turbine exports to Kazakhstan', 'accents']] as const) {
      const hits = await retriever.search(query, { k: 3 });
      expect(hits[0]?.docId).toBe(id);
      for (const hit of hits) expect(hit.text).toBe(index.docs.get(hit.docId)!.body.slice(hit.start, hit.end));
    }
  });

  it('stores the words every article uses (text, headings and metadata; not captions) so opening needs no scan', async () => {
    const dir = await tempDir();
    const embedder = await gloveEmbedder();
    const articles = smallCorpus();
    await buildIndex({ articles, embedder, indexDir: dir });
    const index = await openIndex(dir, embedder);
    const expected = new Set(articles.flatMap((article) => [...articleWords(article)]));
    expect(new Set(index.vocabulary())).toEqual(expected);
    expect(expected.has('kissinger')).toBe(true);
  });
});

describe('atomic swap', () => {
  it('leaves the previous index live and no temp files when a build fails midway', async () => {
    const dir = await tempDir();
    const embedder = await gloveEmbedder();
    const good = await buildIndex({ articles: smallCorpus(), embedder, indexDir: dir });
    const failing = await gloveEmbedder();
    let calls = 0;
    failing.embedDocuments = async (texts) => {
      calls += 1;
      if (calls > 1) throw new Error('embedding server died');
      return GloveEmbedder.prototype.embedDocuments.call(failing, texts);
    };
    const edited = smallCorpus().map((a) => ({ ...a, body: `${a.body}Extra sentence.\n` }));
    await expect(buildIndex({ articles: edited, embedder: failing, indexDir: dir })).rejects.toThrow(/server died/);
    expect(await readCurrentBuild(dir)).toBe(good.buildId);
    expect((await readdir(indexLayout(dir).buildsDir)).filter((name) => name.startsWith('.tmp'))).toEqual([]);
    expect((await openIndex(dir, embedder)).manifest.buildId).toBe(good.buildId);
  });

  it('swaps CURRENT to the new build while a reader holding the old one keeps working; old builds are pruned', async () => {
    const dir = await tempDir();
    const embedder = await gloveEmbedder();
    let tick = 0;
    const now = () => new Date(Date.UTC(2026, 0, 1, 0, 0, tick++));
    const first = await buildIndex({ articles: smallCorpus(), embedder, indexDir: dir, now });
    const reader = createRetriever(await openIndex(dir, embedder));
    const edited = smallCorpus().map((a) => ({ ...a, body: `${a.body}Extra sentence about pipelines.\n` }));
    const second = await buildIndex({ articles: edited, embedder, indexDir: dir, now });
    expect((await readFile(indexLayout(dir).currentFile, 'utf8')).trim()).toBe(second.buildId);
    expect((await reader.search('oil and gas', { k: 1 }))[0]?.docId).toBe('energy');
    await buildIndex({ articles: smallCorpus(), embedder, indexDir: dir, now });
    const builds = (await readdir(indexLayout(dir).buildsDir)).sort();
    expect(builds).toHaveLength(2);
    expect(builds).not.toContain(first.buildId);
    expect(path.basename(builds[0]!)).toBe(second.buildId);
  });
});
