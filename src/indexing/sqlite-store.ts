import Database from 'better-sqlite3';
import type { Chunk } from '../chunking/chunk.js';
import type { ArticleMeta } from '../corpus/article.js';
import { articleWords } from '../corpus/article-words.js';
import { lexicalTerms } from '../text/tokenize-words.js';

/** The text side of a build, as the build writes it first (on a worker thread): documents, chunks and their terms. */
export interface StoreContents {
  docs: Array<{ meta: ArticleMeta; body: string }>;
  chunks: Chunk[];
  /** Each chunk's search text (its contextual header and text), which BM25 indexes. */
  searchTexts: string[];
}

const SCHEMA = `
  CREATE TABLE docs (id TEXT PRIMARY KEY, meta TEXT NOT NULL, body TEXT NOT NULL, chars INTEGER NOT NULL, astral INTEGER NOT NULL) WITHOUT ROWID;
  CREATE TABLE chunks (n INTEGER PRIMARY KEY, id TEXT NOT NULL, doc_id TEXT NOT NULL, start_offset INTEGER NOT NULL,
    end_offset INTEGER NOT NULL, role TEXT NOT NULL, section TEXT, sentences TEXT NOT NULL, length INTEGER NOT NULL);
  CREATE TABLE sentences (key TEXT PRIMARY KEY, vector BLOB NOT NULL) WITHOUT ROWID;
  CREATE TABLE terms (term TEXT PRIMARY KEY, df INTEGER NOT NULL, text_df INTEGER NOT NULL) WITHOUT ROWID;
  CREATE TABLE words (word TEXT PRIMARY KEY, docs INTEGER NOT NULL) WITHOUT ROWID;
  CREATE VIRTUAL TABLE chunks_fts USING fts5(terms, tokenize = 'unicode61 remove_diacritics 0');
  CREATE VIRTUAL TABLE chunks_vocab USING fts5vocab(chunks_fts, instance);`;

/**
 * Writes a build's documents, chunks and term statistics into one SQLite file, with an FTS5 index over each
 * chunk's lexical terms (Chroma's layout: SQLite beside the vector index), in one transaction. The file lives
 * in the build's temp directory, so a crash leaves nothing a reader would take for an index.
 */
export function writeStore(file: string, contents: StoreContents): void {
  const searchTerms = contents.searchTexts.map((text) => lexicalTerms(text));
  const df = new Map<string, [number, number]>();
  for (const terms of searchTerms) for (const term of new Set(terms)) { const e = df.get(term) ?? [0, 0]; e[0] += 1; df.set(term, e); }
  for (const chunk of contents.chunks) for (const term of new Set(lexicalTerms(chunk.text))) { const e = df.get(term) ?? [0, 0]; e[1] += 1; df.set(term, e); }
  const db = new Database(file);
  try {
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.exec(SCHEMA);
    db.transaction(() => {
      const doc = db.prepare('INSERT INTO docs (id, meta, body, chars, astral) VALUES (?, ?, ?, ?, ?)');
      for (const { meta, body } of contents.docs) doc.run(meta.id, JSON.stringify(meta), body, body.length, hasAstral(body));
      const chunk = db.prepare('INSERT INTO chunks (n, id, doc_id, start_offset, end_offset, role, section, sentences, length) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
      const fts = db.prepare('INSERT INTO chunks_fts (rowid, terms) VALUES (?, ?)');
      contents.chunks.forEach((c, n) => {
        chunk.run(n, c.id, c.docId, c.start, c.end, c.role, c.section ?? null, JSON.stringify(c.sentences), new Set(searchTerms[n]).size);
        fts.run(n, searchTerms[n]!.join(' '));
      });
      const term = db.prepare('INSERT INTO terms (term, df, text_df) VALUES (?, ?, ?)');
      for (const [t, [indexed, inText]] of df) term.run(t, indexed, inText);
      const word = db.prepare('INSERT INTO words (word, docs) VALUES (?, ?)');
      for (const [w, docs] of wordCounts(contents.docs, 1)) word.run(w, docs);
    })();
  } finally {
    db.close();
  }
}

/**
 * Whether a body has characters outside the Basic Multilingual Plane (emoji, rare scripts): there JavaScript's
 * offsets (UTF-16 units) and SQLite's substr (characters) disagree, so its passages are sliced in JavaScript.
 */
function hasAstral(body: string): number {
  return /[\uD800-\uDBFF]/.test(body) ? 1 : 0;
}

/** How many of some articles use each word (articleWords), times `sign`: what the words table counts. */
function wordCounts(docs: Iterable<{ meta: ArticleMeta; body: string }>, sign: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const doc of docs) for (const word of articleWords(doc)) counts.set(word, (counts.get(word) ?? 0) + sign);
  return counts;
}

/** What changes in a store when articles are added, replaced or removed without a rebuild. */
export interface StoreUpdate {
  /** Articles whose chunks, sentences and document row go (removed, or replaced by a new version). */
  removedDocIds: string[];
  /** New and replaced articles with their chunks, numbered from `firstPosition` on, and the chunks' search texts. */
  docs: Array<{ meta: ArticleMeta; body: string }>;
  chunks: Chunk[];
  searchTexts: string[];
  firstPosition: number;
  sentenceKeys: string[];
  sentenceVectors: Float32Array;
  dimensions: number;
}

/**
 * Applies an update to a store in one transaction: the removed articles' chunks are kept as tombstones (role
 * "deleted", their positions stay taken, as in the HNSW graph) with their FTS5 rows, term counts and sentence
 * vectors removed; new chunks are appended with their terms and vectors. Returns the chunk positions removed and
 * how many sentences and live chunks the store now holds.
 */
export function updateStore(file: string, update: StoreUpdate): { removed: number[]; sentences: number; chunks: number } {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    const removed: number[] = [];
    db.transaction(() => {
      const adjust = db.prepare('INSERT INTO terms (term, df, text_df) VALUES (?, ?, ?) ON CONFLICT (term) DO UPDATE SET df = df + excluded.df, text_df = text_df + excluded.text_df');
      const counts = (terms: Iterable<string>, textTerms: Iterable<string>, sign: number) => {
        const delta = new Map<string, [number, number]>();
        for (const t of new Set(terms)) { const e = delta.get(t) ?? [0, 0]; e[0] += sign; delta.set(t, e); }
        for (const t of new Set(textTerms)) { const e = delta.get(t) ?? [0, 0]; e[1] += sign; delta.set(t, e); }
        for (const [t, [df, textDf]] of delta) adjust.run(t, df, textDf);
      };
      const body = db.prepare('SELECT meta, body FROM docs WHERE id = ?');
      const adjustWord = db.prepare('INSERT INTO words (word, docs) VALUES (?, ?) ON CONFLICT (word) DO UPDATE SET docs = docs + excluded.docs');
      const liveChunks = db.prepare("SELECT n, start_offset, end_offset FROM chunks WHERE doc_id = ? AND role != 'deleted'");
      const ftsTerms = db.prepare('SELECT terms FROM chunks_fts WHERE rowid = ?');
      const dropFts = db.prepare('DELETE FROM chunks_fts WHERE rowid = ?');
      const tombstone = db.prepare("UPDATE chunks SET role = 'deleted' WHERE n = ?");
      const dropSentences = db.prepare('DELETE FROM sentences WHERE key >= ? AND key < ?');
      const dropDoc = db.prepare('DELETE FROM docs WHERE id = ?');
      for (const docId of update.removedDocIds) {
        const doc = body.get(docId) as { meta: string; body: string } | undefined;
        if (doc) for (const [w, n] of wordCounts([{ meta: JSON.parse(doc.meta) as ArticleMeta, body: doc.body }], -1)) adjustWord.run(w, n);
        for (const row of liveChunks.all(docId) as Array<{ n: number; start_offset: number; end_offset: number }>) {
          const fts = ftsTerms.get(row.n) as { terms: string } | undefined;
          counts(fts ? fts.terms.split(' ').filter(Boolean) : [], doc ? lexicalTerms(doc.body.slice(row.start_offset, row.end_offset)) : [], -1);
          dropFts.run(row.n);
          tombstone.run(row.n);
          removed.push(row.n);
        }
        // Keys are "docId:start:end": the document's own range, which a replaced version would reuse.
        dropSentences.run(`${docId}:`, `${docId};`);
        dropDoc.run(docId);
      }
      db.prepare('DELETE FROM terms WHERE df <= 0 AND text_df <= 0').run();
      for (const [w, n] of wordCounts(update.docs, 1)) adjustWord.run(w, n);
      db.prepare('DELETE FROM words WHERE docs <= 0').run();
      const doc = db.prepare('INSERT INTO docs (id, meta, body, chars, astral) VALUES (?, ?, ?, ?, ?)');
      for (const { meta, body } of update.docs) doc.run(meta.id, JSON.stringify(meta), body, body.length, hasAstral(body));
      const chunk = db.prepare('INSERT INTO chunks (n, id, doc_id, start_offset, end_offset, role, section, sentences, length) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
      const fts = db.prepare('INSERT INTO chunks_fts (rowid, terms) VALUES (?, ?)');
      update.chunks.forEach((c, i) => {
        const n = update.firstPosition + i;
        const terms = lexicalTerms(update.searchTexts[i]!);
        chunk.run(n, c.id, c.docId, c.start, c.end, c.role, c.section ?? null, JSON.stringify(c.sentences), new Set(terms).size);
        fts.run(n, terms.join(' '));
        counts(terms, lexicalTerms(c.text), 1);
      });
      const sentence = db.prepare('INSERT OR REPLACE INTO sentences (key, vector) VALUES (?, ?)');
      update.sentenceKeys.forEach((key, i) => sentence.run(key, Buffer.from(update.sentenceVectors.buffer, update.sentenceVectors.byteOffset + i * update.dimensions * 4, update.dimensions * 4)));
    })();
    const live = (db.prepare("SELECT count(*) AS n FROM chunks WHERE role != 'deleted'").get() as { n: number }).n;
    return { removed, sentences: (db.prepare('SELECT count(*) AS n FROM sentences').get() as { n: number }).n, chunks: live };
  } finally {
    db.close();
  }
}

/** How many chunk positions a store has used (tombstones included): where appended chunks start. */
export function storePositions(file: string): number {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT coalesce(max(n) + 1, 0) AS n FROM chunks').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/** Adds the sentence vectors (keyed "docId:start:end", `dimensions` floats each) to a written store, in one transaction. */
export function writeSentenceVectors(file: string, keys: string[], vectors: Float32Array, dimensions: number): void {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    const insert = db.prepare('INSERT INTO sentences (key, vector) VALUES (?, ?)');
    db.transaction(() => {
      keys.forEach((key, i) => insert.run(key, Buffer.from(vectors.buffer, vectors.byteOffset + i * dimensions * 4, dimensions * 4)));
    })();
  } finally {
    db.close();
  }
}
