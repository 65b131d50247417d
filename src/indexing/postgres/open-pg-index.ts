import type { Pool } from 'pg';
import type { ArticleMeta } from '../../corpus/article.js';
import { articleWords } from '../../corpus/article-words.js';
import type { WedgeEmbeddings } from '../../embeddings/wedge-embeddings.js';
import { EmbedderMismatchError, IndexMissingError } from '../../errors/wedge-error.js';
import { manifestSchema, type Manifest } from '../manifest.js';

/** A Postgres-held index: the manifest, the articles' text (citations slice it), and term statistics. */
export interface PgIndex {
  pool: Pool;
  manifest: Manifest;
  docs: ReadonlyMap<string, { meta: ArticleMeta; body: string; chars: number }>;
  embedder: WedgeEmbeddings;
  documentFrequency: Map<string, number>;
  /** Document frequencies over the passage text alone (query shaping and sentence weights, as the local store counts them). */
  textFrequency: Map<string, number>;
  /** Every term of the index, sorted (prefix matching), and the mean passage length in distinct terms (BM25). */
  sortedTerms: string[];
  averageLength: number;
  /** Every word the articles use (articleWords), as ingest stored it. */
  vocabulary(): string[];
}

/** Reads the live build id from Postgres, or undefined before the first ingest (what servers poll to reload). */
export async function readPgBuildId(pool: Pool): Promise<string | undefined> {
  const exists = await pool.query("SELECT to_regclass('wedge_meta') IS NOT NULL AS ok");
  if (!exists.rows[0]?.ok) return undefined;
  const row = await pool.query<{ id: string }>("SELECT value->>'buildId' AS id FROM wedge_meta WHERE key = 'manifest'");
  return row.rows[0]?.id ?? undefined;
}

/** Opens the index in Postgres with the embedder it was built with. */
export async function openPgIndex(pool: Pool, embedder: WedgeEmbeddings): Promise<PgIndex> {
  if (!await readPgBuildId(pool)) throw new IndexMissingError('postgres (DATABASE_URL)');
  const manifest = manifestSchema.parse((await pool.query("SELECT value FROM wedge_meta WHERE key = 'manifest'")).rows[0]!.value);
  if (manifest.embedder.id !== embedder.id) throw new EmbedderMismatchError(manifest.embedder.id, embedder.id);
  const [docs, terms, lengths, words] = await Promise.all([
    pool.query<{ id: string; meta: ArticleMeta; body: string; listed: boolean }>('SELECT id, meta, body, cardinality(words) > 0 AS listed FROM wedge_docs'),
    pool.query<{ term: string; df: number; text_df: number }>('SELECT term, df, text_df FROM wedge_terms'),
    pool.query<{ average: number | null }>('SELECT avg(cardinality(terms))::float8 AS average FROM wedge_chunks'),
    pool.query<{ word: string }>('SELECT DISTINCT unnest(words) AS word FROM wedge_docs'),
  ]);
  const vocabulary = new Set(words.rows.map((row) => row.word));
  // Articles ingested before their words were stored: read from their bodies once, here.
  for (const row of docs.rows) if (!row.listed) for (const word of articleWords(row)) vocabulary.add(word);
  const documentFrequency = new Map(terms.rows.map((row) => [row.term, Number(row.df)]));
  return {
    pool,
    manifest,
    embedder,
    docs: new Map(docs.rows.map((row) => [row.id, { meta: row.meta, body: row.body, chars: row.body.length }])),
    documentFrequency,
    textFrequency: new Map(terms.rows.filter((row) => Number(row.text_df) > 0).map((row) => [row.term, Number(row.text_df)])),
    sortedTerms: [...documentFrequency.keys()].sort(),
    averageLength: Number(lengths.rows[0]?.average ?? 1) || 1,
    vocabulary: () => [...vocabulary],
  };
}
