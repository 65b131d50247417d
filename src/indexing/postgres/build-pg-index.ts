import { createHash, randomBytes } from 'node:crypto';
import type { Pool } from 'pg';
import { articleWords } from '../../corpus/article-words.js';
import { chunkArticle } from '../../chunking/chunk-article.js';
import { DEFAULT_CHUNKER, type ChunkerSettings } from '../../chunking/chunk.js';
import { contextualText } from '../../chunking/contextual-text.js';
import type { Article } from '../../corpus/article.js';
import type { CorpusSettings } from '../../corpus/corpus-settings.js';
import type { WedgeEmbeddings } from '../../embeddings/wedge-embeddings.js';
import { ConfigError } from '../../errors/wedge-error.js';
import { foldText } from '../../text/fold-text.js';
import { lexicalTerms } from '../../text/tokenize-words.js';
import { fingerprintCorpus, hashArticle } from '../fingerprint-corpus.js';
import { INDEX_FORMAT, type Manifest } from '../manifest.js';
import { migrate } from './migrate.js';

/** What one ingest did: articles written, left as they were, and removed. */
export interface PgIngestResult { manifest: Manifest; written: number; unchanged: number; removed: number }

const ROWS_PER_INSERT = 400;
// Articles are written in transactions of about this many passages: one round of embedding and inserts each.
const BATCH_PASSAGES = 2000;

/** Changed articles grouped into batches of about `limit` passages, each with its chunks and their contextual texts. */
function batchesOf(articles: Article[], chunker: ChunkerSettings, limit: number): Array<Array<{ article: Article; chunks: ReturnType<typeof chunkArticle>; texts: string[] }>> {
  const batches: Array<Array<{ article: Article; chunks: ReturnType<typeof chunkArticle>; texts: string[] }>> = [];
  let current: (typeof batches)[number] = [];
  let size = 0;
  for (const article of articles) {
    const chunks = chunkArticle(article, chunker);
    current.push({ article, chunks, texts: chunks.map((chunk) => contextualText(chunk, article.meta)) });
    size += chunks.length;
    if (size >= limit) { batches.push(current); current = []; size = 0; }
  }
  if (current.length) batches.push(current);
  return batches;
}
const ROW_LAYOUT = 'term-freqs-1';

/** How often each lexical term occurs in a text, and its distinct terms (BM25's passage length). */
function termStatistics(text: string): { terms: string[]; frequencies: Record<string, number> } {
  const frequencies: Record<string, number> = {};
  for (const term of lexicalTerms(text)) frequencies[term] = (frequencies[term] ?? 0) + 1;
  return { terms: Object.keys(frequencies), frequencies };
}
export const vectorLiteral = (vector: number[]) => `[${vector.join(',')}]`;

/**
 * Ingests articles into Postgres in batches of about 2,000 passages, one transaction each (old chunks
 * deleted, new ones inserted in 400-row statements, the articles' hashes recorded last), so an interrupted
 * run leaves every article either old or new, and re-running finishes the job without duplicates or loss.
 * Unchanged articles (same content, chunker and embedder) are skipped. A first load into an empty table
 * builds the HNSW index after the rows.
 */
export async function buildPgIndex(options: {
  pool: Pool; articles: Article[]; embedder: WedgeEmbeddings; chunker?: ChunkerSettings; settings?: CorpusSettings; now?: () => Date;
  /** Re-embed and rewrite every article, changed or not. */
  force?: boolean;
  /** Passages per transaction (default 2,000); 1 writes each article in a transaction of its own. */
  batchPassages?: number;
}): Promise<PgIngestResult> {
  const { pool, articles, embedder, settings = {}, now = () => new Date(), force = false } = options;
  const chunker = options.chunker ?? DEFAULT_CHUNKER;
  const started = performance.now();
  // Corpus-fitted state (SIF common component) would have to cover all servers' data at once; not supported here.
  if (await embedder.fit(['probe a', 'probe b'])) throw new ConfigError(`The ${embedder.id} embedder fits corpus statistics, which the postgres store does not support; use glove-sg-100d/sif or openai.`);
  const dimensions = embedder.dimensions || (await embedder.embedQuery('dimension probe')).length;
  await migrate(pool, dimensions);
  // The row layout is part of the key: rows written before term frequencies were stored are rewritten once.
  const keyOf = (article: Article) => createHash('sha256').update(`${hashArticle(article)}:${embedder.id}:${JSON.stringify(chunker)}:${ROW_LAYOUT}`).digest('hex');
  const existing = new Map((await pool.query<{ id: string; hash: string }>('SELECT id, hash FROM wedge_docs')).rows.map((r) => [r.id, r.hash]));
  const changed = articles.filter((article) => force || existing.get(article.meta.id) !== keyOf(article));
  // A first load into an empty table builds the HNSW graph once, after the rows, instead of growing it row by row.
  const bulk = changed.length > 0 && !(await pool.query('SELECT 1 FROM wedge_chunks LIMIT 1')).rowCount;
  if (bulk) await pool.query('DROP INDEX IF EXISTS wedge_chunks_embedding');
  let written = 0;
  for (const batch of batchesOf(changed, chunker, options.batchPassages ?? BATCH_PASSAGES)) {
    const vectors = await embedder.embedDocuments(batch.flatMap((item) => item.texts));
    const rows = batch.flatMap((item) => item.chunks.map((chunk, j) => ({ chunk, text: item.texts[j]! })));
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      // Word lists travel as JSON: unnest would flatten a two-dimensional text array into single words.
      await client.query(`INSERT INTO wedge_docs (id, meta, body, hash, chunks, words) SELECT id, meta, body, 'pending', chunks, ARRAY(SELECT jsonb_array_elements_text(words))
        FROM unnest($1::text[], $2::jsonb[], $3::text[], $4::int[], $5::jsonb[]) AS d(id, meta, body, chunks, words)
        ON CONFLICT (id) DO UPDATE SET meta = EXCLUDED.meta, body = EXCLUDED.body, hash = 'pending', chunks = EXCLUDED.chunks, words = EXCLUDED.words`,
      [batch.map((i) => i.article.meta.id), batch.map((i) => JSON.stringify(i.article.meta)), batch.map((i) => i.article.body), batch.map((i) => i.chunks.length), batch.map((i) => JSON.stringify([...articleWords(i.article)]))]);
      await client.query('DELETE FROM wedge_chunks WHERE doc_id = ANY($1)', [batch.map((i) => i.article.meta.id)]);
      for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
        const params: unknown[] = [];
        const values = rows.slice(i, i + ROWS_PER_INSERT).map(({ chunk, text }, j) => {
          const at = params.length;
          const { terms, frequencies } = termStatistics(text);
          params.push(chunk.id, chunk.docId, chunk.start, chunk.end, chunk.role, chunk.section ?? null, JSON.stringify(chunk.sentences), terms, foldText(text), vectorLiteral(vectors[i + j]!), JSON.stringify(frequencies), [...new Set(lexicalTerms(chunk.text))]);
          return `(${Array.from({ length: 12 }, (_, k) => `$${at + k + 1}`).join(', ')})`;
        });
        await client.query(`INSERT INTO wedge_chunks (id, doc_id, start_offset, end_offset, role, section, sentences, terms, search_folded, embedding, term_freqs, text_terms) VALUES ${values.join(', ')}
          ON CONFLICT (id) DO UPDATE SET sentences = EXCLUDED.sentences, terms = EXCLUDED.terms, search_folded = EXCLUDED.search_folded, embedding = EXCLUDED.embedding, term_freqs = EXCLUDED.term_freqs, text_terms = EXCLUDED.text_terms`, params);
      }
      // The hashes go in last: a crash before COMMIT rolls the batch back, and its articles are redone next time.
      await client.query('UPDATE wedge_docs d SET hash = u.hash FROM unnest($1::text[], $2::text[]) AS u(id, hash) WHERE d.id = u.id', [batch.map((i) => i.article.meta.id), batch.map((i) => keyOf(i.article))]);
      await client.query('COMMIT');
      written += batch.length;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }
  // After a bulk load, or one that was interrupted before this point, the graph is built here, once.
  await pool.query('CREATE INDEX IF NOT EXISTS wedge_chunks_embedding ON wedge_chunks USING hnsw (embedding vector_cosine_ops)');
  const keep = articles.map((a) => a.meta.id);
  const removed = (await pool.query('DELETE FROM wedge_docs WHERE NOT (id = ANY($1))', [keep])).rowCount ?? 0;
  const previous = (await pool.query<{ value: Manifest }>("SELECT value FROM wedge_meta WHERE key = 'manifest'")).rows[0]?.value;
  const corpusHash = fingerprintCorpus(articles, chunker, embedder.id, settings);
  if (!written && !removed && previous?.corpusHash === corpusHash) return { manifest: previous, written, unchanged: articles.length, removed };
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('DELETE FROM wedge_terms');
    await client.query(`INSERT INTO wedge_terms (term, df, text_df) SELECT term, sum(indexed), sum(in_text) FROM (
      SELECT unnest(terms) AS term, 1 AS indexed, 0 AS in_text FROM wedge_chunks UNION ALL SELECT unnest(text_terms), 0, 1 FROM wedge_chunks) AS t GROUP BY term`);
    const counts = (await client.query<{ chunks: string; sentences: string }>('SELECT count(*) AS chunks, coalesce(sum(jsonb_array_length(sentences)), 0) AS sentences FROM wedge_chunks')).rows[0]!;
    const createdAt = now();
    const manifest: Manifest = {
      format: INDEX_FORMAT,
      buildId: `${createdAt.toISOString().replace(/[-:.]/g, '')}-${corpusHash.slice(0, 8)}-${randomBytes(2).toString('hex')}`,
      createdAt: createdAt.toISOString(),
      corpusHash,
      chunker,
      embedder: { id: embedder.id, dimensions },
      counts: { docs: articles.length, chunks: Number(counts.chunks), sentences: Number(counts.sentences) },
      docs: articles.map((a) => ({ id: a.meta.id, title: a.meta.title, hash: hashArticle(a), file: a.file })),
      buildMs: Math.round(performance.now() - started),
      settings,
    };
    await client.query("INSERT INTO wedge_meta (key, value) VALUES ('manifest', $1) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value", [manifest]);
    await client.query('COMMIT');
    return { manifest, written, unchanged: articles.length - written, removed };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
