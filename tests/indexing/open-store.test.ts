import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { buildIndex } from '../../src/indexing/build-index.js';
import { indexLayout } from '../../src/indexing/index-layout.js';
import { openStore } from '../../src/indexing/open-store.js';
import { gloveEmbedder } from '../helpers/glove.js';
import { useTempDirs } from '../helpers/temp-dir.js';

const tempDir = useTempDirs();

describe('openStore', () => {
  it('reads each term\'s postings (passages and counts) exactly as SQLite groups FTS5\'s occurrences', async () => {
    const dir = await tempDir();
    const { articles } = await loadCorpus('corpus');
    const manifest = await buildIndex({ articles, embedder: await gloveEmbedder(), indexDir: dir });
    const file = indexLayout(dir).build(manifest.buildId).store;
    const store = openStore(file);
    const db = new Database(file, { readonly: true });
    try {
      const grouped = db.prepare('SELECT doc, count(*) AS tf FROM chunks_vocab WHERE term = ? GROUP BY doc ORDER BY doc');
      expect(store.documentFrequency.size).toBeGreaterThan(1000);
      for (const term of store.documentFrequency.keys()) {
        const rows = grouped.all(term) as Array<{ doc: number; tf: number }>;
        const { docs, counts } = store.postings(term);
        expect([...docs], term).toEqual(rows.map((r) => r.doc));
        expect([...counts], term).toEqual(rows.map((r) => r.tf));
      }
      // A term repeated in a passage is counted, not listed twice.
      expect([...store.postings('russia').counts].some((count) => count > 1)).toBe(true);
    } finally {
      db.close();
      store.close();
    }
  });
});
