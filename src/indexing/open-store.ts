import Database from 'better-sqlite3';
import type { Chunk } from '../chunking/chunk.js';
import type { ArticleMeta } from '../corpus/article.js';
import type { Postings } from '../retrieval/bm25-score.js';
import { BoundedCache } from './bounded-cache.js';
import { StoredDocs } from './stored-docs.js';

/** Postings kept in memory across queries (about 6 bytes each): common terms are read from SQLite once. */
const POSTINGS_CACHE = 4_000_000;

/** Characters of article text kept in memory across queries (the answerer reads the bodies of its hits). */
const BODY_CACHE = 4_000_000;
/** Chunk rows, passage characters and sentence vectors (400 bytes each) kept across queries. */
const ROW_CACHE = 20_000;
const TEXT_CACHE = 2_000_000;
const VECTOR_CACHE = 20_000;

/** A chunk as the store keeps it: where it is and what it holds, without its text. */
export type ChunkRow = Omit<Chunk, 'text'>;

/** A build's SQLite file opened for reading: what retrieval fetches per query, and the statistics it keeps in memory. */
export interface Store {
  /** Articles by id: metadata in memory, bodies read on use (StoredDocs). */
  docs: StoredDocs;
  /** Per chunk (by its position): role (0 body, 1 caption, 2 deleted) and BM25 length, for filters and scoring without a row read. */
  roles: Uint8Array;
  lengths: Uint16Array;
  documentFrequency: Map<string, number>;
  textFrequency: Map<string, number>;
  sortedTerms: string[];
  averageLength: number;
  /** Chunk positions in use (the HNSW graph's size, tombstones included), and the live chunks among them. */
  chunkCount: number;
  liveCount: number;
  /** Chunks by position (those not cached read in one statement); without their text, which is the article body's slice start–end. */
  chunks(positions: number[]): Map<number, ChunkRow>;
  /** Passage texts by position (those not cached read in one statement: SQLite slices the bodies, only the passages are read). */
  chunkTexts(positions: number[]): Map<number, string>;
  /** Sentence vectors by "docId:start:end" (those not cached read in one statement). */
  sentenceVectors(keys: string[]): Map<string, Float32Array>;
  /** The chunks that hold a term and how often (FTS5's own index, through fts5vocab), kept in a bounded cache. */
  postings(term: string): Postings;
  /** Every word the articles use (articleWords), read from the words table the build wrote. */
  vocabulary(): string[];
  close(): void;
}

/** Opens a build's SQLite file read-only; article metadata and term statistics are read once, everything else on use. */
export function openStore(file: string): Store {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  const metas = (db.prepare('SELECT meta, chars FROM docs').all() as Array<{ meta: string; chars: number }>).map((row) => ({ meta: JSON.parse(row.meta) as ArticleMeta, chars: row.chars }));
  const body = db.prepare('SELECT body FROM docs WHERE id = ?').pluck();
  const docs = new StoredDocs(metas, (id) => body.get(id) as string, BODY_CACHE);
  const chunkCount = (db.prepare('SELECT count(*) AS n FROM chunks').get() as { n: number }).n;
  const roles = new Uint8Array(chunkCount);
  const lengths = new Uint16Array(chunkCount);
  let totalLength = 0;
  let live = 0;
  for (const row of db.prepare('SELECT n, role, length FROM chunks').iterate() as Iterable<{ n: number; role: string; length: number }>) {
    roles[row.n] = row.role === 'body' ? 0 : row.role === 'caption' ? 1 : 2;
    lengths[row.n] = row.length;
    if (roles[row.n] === 2) continue;
    live += 1;
    totalLength += row.length;
  }
  const documentFrequency = new Map<string, number>();
  const textFrequency = new Map<string, number>();
  for (const row of db.prepare('SELECT term, df, text_df FROM terms').iterate() as Iterable<{ term: string; df: number; text_df: number }>) {
    if (row.df) documentFrequency.set(row.term, row.df);
    if (row.text_df) textFrequency.set(row.term, row.text_df);
  }
  // Statements for n parameters, prepared once each: a query reads its rows in one statement, never one by one.
  const prepared = new Map<string, Database.Statement>();
  const statement = (sql: (marks: string) => string, count: number) => {
    const key = `${sql('')}:${count}`;
    let found = prepared.get(key);
    if (!found) prepared.set(key, (found = db.prepare(sql(Array(count).fill('?').join(',')))));
    return found;
  };
  const chunkRows = (count: number) => statement((marks) => `SELECT n, id, doc_id, start_offset, end_offset, role, section, sentences FROM chunks WHERE n IN (${marks})`, count);
  const textRows = (count: number) => statement((marks) => `SELECT c.n, c.doc_id, c.start_offset, c.end_offset, CASE WHEN d.astral THEN NULL ELSE substr(d.body, c.start_offset + 1, c.end_offset - c.start_offset) END AS text FROM chunks c JOIN docs d ON d.id = c.doc_id WHERE c.n IN (${marks})`, count);
  const vectorRows = (count: number) => statement((marks) => `SELECT key, vector FROM sentences WHERE key IN (${marks})`, count);
  const instances = db.prepare('SELECT doc, count(*) AS tf FROM chunks_vocab WHERE term = ? GROUP BY doc');
  const occurrences = db.prepare('SELECT doc FROM chunks_vocab WHERE term = ?').pluck();
  const grouped = (term: string): Postings => {
    const rows = instances.all(term) as Array<{ doc: number; tf: number }>;
    return { docs: Int32Array.from(rows, (r) => r.doc), counts: Uint16Array.from(rows, (r) => Math.min(r.tf, 65535)) };
  };
  // FTS5 lists a term's occurrences passage by passage in rowid order, so counting runs here reads a common term
  // faster than SQLite's GROUP BY; should the order or the count ever differ, the GROUP BY query answers instead.
  const countOccurrences = (term: string): Postings | undefined => {
    const docs = new Int32Array(documentFrequency.get(term) ?? 0);
    const counts = new Uint16Array(docs.length);
    let n = -1;
    for (const doc of occurrences.iterate(term) as Iterable<number>) {
      if (n >= 0 && doc === docs[n]) {
        if (counts[n]! < 65535) counts[n] = counts[n]! + 1;
        continue;
      }
      if ((n >= 0 && doc < docs[n]!) || n + 1 >= docs.length) return undefined;
      docs[++n] = doc;
      counts[n] = 1;
    }
    return n + 1 === docs.length ? { docs, counts } : undefined;
  };
  const cache = new BoundedCache<string, Postings>(POSTINGS_CACHE, (postings) => postings.docs.length);
  const rowCache = new BoundedCache<number, ChunkRow>(ROW_CACHE, () => 1);
  const textCache = new BoundedCache<number, string>(TEXT_CACHE, (text) => text.length);
  const vectorCache = new BoundedCache<string, Float32Array>(VECTOR_CACHE, () => 1);
  return {
    docs,
    roles,
    lengths,
    documentFrequency,
    textFrequency,
    sortedTerms: [...documentFrequency.keys()].sort(),
    averageLength: live ? totalLength / live : 1,
    chunkCount,
    liveCount: live,
    chunks: (positions) => rowCache.getMany(positions, (missing) => {
      const found = new Map<number, ChunkRow>();
      for (const row of chunkRows(missing.length).iterate(...missing) as Iterable<{ n: number; id: string; doc_id: string; start_offset: number; end_offset: number; role: 'body' | 'caption'; section: string | null; sentences: string }>) {
        found.set(row.n, { id: row.id, docId: row.doc_id, start: row.start_offset, end: row.end_offset, role: row.role, ...(row.section ? { section: row.section } : {}), sentences: JSON.parse(row.sentences) as Chunk['sentences'] });
      }
      return found;
    }),
    chunkTexts: (positions) => textCache.getMany(positions, (missing) => {
      const found = new Map<number, string>();
      for (const row of textRows(missing.length).iterate(...missing) as Iterable<{ n: number; doc_id: string; start_offset: number; end_offset: number; text: string | null }>) {
        found.set(row.n, row.text ?? docs.get(row.doc_id)!.body.slice(row.start_offset, row.end_offset));
      }
      return found;
    }),
    sentenceVectors: (keys) => vectorCache.getMany(keys, (missing) => {
      const found = new Map<string, Float32Array>();
      for (const row of vectorRows(missing.length).iterate(...missing) as Iterable<{ key: string; vector: Buffer }>) {
        found.set(row.key, new Float32Array(row.vector.buffer.slice(row.vector.byteOffset, row.vector.byteOffset + row.vector.byteLength)));
      }
      return found;
    }),
    postings: (term) => cache.get(term, () => countOccurrences(term) ?? grouped(term)),
    vocabulary: () => db.prepare('SELECT word FROM words').pluck().all() as string[],
    close: () => db.close(),
  };
}
