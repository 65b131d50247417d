import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import type { Article } from '../../src/corpus/article.js';
import { buildIndex } from '../../src/indexing/build-index.js';
import { ensureIndex } from '../../src/indexing/ensure-index.js';
import { openIndex } from '../../src/indexing/open-index.js';
import { createRetriever } from '../../src/retrieval/create-retriever.js';
import { gloveEmbedder } from '../helpers/glove.js';
import { useTempDirs } from '../helpers/temp-dir.js';

const tempDir = useTempDirs();
const questions = readFileSync('evals/retrieval.jsonl', 'utf8').trim().split('\n').map((line) => (JSON.parse(line) as { question: string }).question);
const extra = (id: string, body: string): Article => ({ meta: { id, title: `Pipelines ${id}` }, body, file: path.join('corpus', `${id}.md`) });

describe('adding, changing and removing articles without a rebuild', () => {
  it('updates a copy of the live build: new text is found, removed and replaced text never is, and BM25 ranks as a full build would', async () => {
    // Enough articles that one added, one changed and one removed is a small change (a large one rebuilds).
    const filler = Array.from({ length: 20 }, (_, i) => extra(`note-${i}`, `Note ${i} on wheat harvests, rail freight and port ${i * 7} capacity in the northern provinces.`));
    const articles = [...(await loadCorpus('corpus')).articles, ...filler];
    const embedder = await gloveEmbedder();
    const dir = await tempDir();
    const first = await buildIndex({ articles, embedder, indexDir: dir });
    const added = extra('pipeline-notes', 'Power of Siberia 2 would carry Arctic gas across Mongolia to northern China for decades.');
    const edited = { ...articles[2]!, body: `${articles[2]!.body}\nA closing note on turbine exports to Kazakhstan.\n` };
    const next = [...articles.slice(0, 2), edited, ...articles.slice(3, -1), added];
    const result = await ensureIndex({ indexDir: dir, articles: next, embedder });
    expect(result).toMatchObject({ built: true, updated: true });
    expect(result.manifest.buildId).not.toBe(first.buildId);
    expect(result.manifest.docs.map((d) => d.id).sort()).toEqual(next.map((a) => a.meta.id).sort());

    const updated = createRetriever(await openIndex(dir, embedder));
    expect((await updated.search('Siberia gas through Mongolia', { k: 1 }))[0]?.docId).toBe('pipeline-notes');
    expect((await updated.search('turbine exports to Kazakhstan', { k: 1 }))[0]?.docId).toBe(edited.meta.id);
    const removedId = articles.at(-1)!.meta.id;
    expect((await updated.search(`Note 19 on wheat harvests`, { k: 3 })).map((h) => h.docId)).not.toContain(removedId);
    for (const question of questions.slice(0, 20)) {
      for (const hit of await updated.search(question, { k: 10, includeCaptions: true })) {
        expect(hit.docId).not.toBe(removedId);
        expect(updated.index.docs.get(hit.docId)!.body.slice(hit.start, hit.end)).toBe(hit.text);
      }
    }
    const rebuilt = createRetriever(await openIndex(await (async () => { const d = await tempDir(); await buildIndex({ articles: next, embedder, indexDir: d }); return d; })(), embedder));
    // The stored vocabulary follows the update: the added article's words in, words only the removed one used out.
    expect(new Set(updated.index.vocabulary())).toEqual(new Set(rebuilt.index.vocabulary()));
    expect(updated.index.vocabulary()).toContain('kazakhstan');
    expect(updated.index.vocabulary()).not.toContain('133');
    for (const question of questions) {
      const [a, b] = await Promise.all([updated.search(question, { k: 10, mode: 'bm25' }), rebuilt.search(question, { k: 10, mode: 'bm25' })]);
      // Same passages with the same scores; equal scores may come in another order (positions differ).
      const key = (hits: typeof a) => hits.map((h) => `${h.score.toFixed(4)} ${h.chunkId}`).sort();
      expect(key(a), question).toEqual(key(b));
    }
  }, 60_000);

  it('rebuilds instead when much of the corpus changed', async () => {
    const { articles } = await loadCorpus('corpus');
    const embedder = await gloveEmbedder();
    const dir = await tempDir();
    await buildIndex({ articles, embedder, indexDir: dir });
    const result = await ensureIndex({ indexDir: dir, articles: articles.slice(0, 2), embedder });
    expect(result.built).toBe(true);
    expect(result.updated).toBeUndefined();
  });
});
