import { vectorLiteral } from '../../indexing/postgres/build-pg-index.js';
import { setEfSearch } from '../../indexing/postgres/create-pg-pool.js';
import type { PgIndex } from '../../indexing/postgres/open-pg-index.js';
import { foldText } from '../../text/fold-text.js';
import { lexicalTerms, tokenizeWords } from '../../text/tokenize-words.js';
import { STOPWORDS } from '../../text/stopwords.js';
import { defaultFusion, type FusionSettings, type Retriever, type SearchOptions } from '../create-retriever.js';
import type { Hit } from '../hit.js';
import { passageSimilarity } from '../passage-similarity.js';
import { selectMmr } from '../select-mmr.js';
import { addOtherArticles } from '../add-other-articles.js';
import { toHit } from '../to-hit.js';

const RRF_K = 60;
const COMMON_SHARE = 0.3;

interface Row { id: string; doc_id: string; start_offset: number; end_offset: number; role: 'body' | 'caption'; sentences: Array<{ start: number; end: number }>; embedding: string; score: number }

/**
 * Hybrid search in one SQL round trip: pgvector HNSW (cosine) and Postgres full-text search
 * (ts_rank_cd over an English tsvector of the folded contextual text) fused by weighted RRF in SQL;
 * then MMR and sentence scores here, exactly as for the local store.
 */
export function createPgRetriever(index: PgIndex, fusion: FusionSettings = defaultFusion(index.manifest.embedder.id)): Retriever & { index: PgIndex } {
  const { pool, docs, embedder, documentFrequency } = index;
  // Connections that already have the HNSW search beam set (one SET per pooled connection, not per query).
  const tuned = new WeakSet<object>();
  const chunkCount = Math.max(1, index.manifest.counts.chunks);
  const idf = (term: string) => Math.log(1 + chunkCount / ((documentFrequency.get(term) ?? 0) + 0.5));

  /**
   * ts_rank_cd weighs every term alike (it has no IDF), so terms found in over 30% of passages are left
   * out of the text query (keeping the two rarest when all are that common), as BM25's IDF would do.
   */
  const informativeWords = (text: string) => {
    const words = [...new Set(tokenizeWords(foldText(text)).filter((w) => !STOPWORDS.has(w)).map((w) => w.replace(/[^a-z0-9]/g, '')).filter(Boolean))];
    const share = (word: string) => Math.max(0, ...lexicalTerms(word).map((term) => (documentFrequency.get(term) ?? 0) / chunkCount));
    const rare = words.filter((word) => share(word) <= COMMON_SHARE);
    return rare.length ? rare : [...words].sort((a, b) => share(a) - share(b)).slice(0, 2);
  };

  async function search(query: string, options: SearchOptions = {}): Promise<Hit[]> {
    const { k = 8, mode = 'hybrid', includeCaptions = false } = options;
    const text = options.context?.trim() ? `${query} ${options.context}` : query;
    const pool_ = Math.max(options.candidates ?? 50, k * 4);
    const queryVector = await embedder.embedQuery(text);
    // OR of the query's content words, as BM25 would score them (plainto_tsquery would AND them).
    const words = informativeWords(text);
    const roles = includeCaptions ? ['body', 'caption'] : ['body'];
    const client = await pool.connect();
    let rows: Row[];
    try {
      if (!tuned.has(client)) {
        await client.query(setEfSearch(chunkCount));
        tuned.add(client);
      }
      ({ rows } = await client.query<Row>(`
      WITH q AS (SELECT $1::vector AS v, to_tsquery('english', $2) AS t),
      dense AS (SELECT c.id, row_number() OVER (ORDER BY c.embedding <=> q.v) AS r FROM wedge_chunks c, q
                WHERE $6::boolean AND c.role = ANY($4) ORDER BY c.embedding <=> q.v LIMIT $3),
      lex AS (SELECT c.id, row_number() OVER (ORDER BY ts_rank_cd(c.tsv, q.t) DESC, c.id) AS r FROM wedge_chunks c, q
              WHERE $7::boolean AND c.tsv @@ q.t AND c.role = ANY($4) ORDER BY ts_rank_cd(c.tsv, q.t) DESC, c.id LIMIT $3),
      fused AS (SELECT id, sum(w / (${RRF_K} + r)) AS score FROM (SELECT id, r, 1.0::float8 AS w FROM lex UNION ALL SELECT id, r, $5::float8 AS w FROM dense) x GROUP BY id)
      SELECT c.id, c.doc_id, c.start_offset, c.end_offset, c.role, c.sentences, c.embedding::text AS embedding, f.score
      FROM fused f JOIN wedge_chunks c USING (id) ORDER BY f.score DESC, c.id LIMIT $3`,
    [vectorLiteral(queryVector), words.join(' | ') || 'zzzznothing', pool_, roles, mode === 'bm25' ? 0 : fusion.denseWeight, mode !== 'bm25', mode !== 'dense']));
    } finally {
      client.release();
    }
    const vectors = rows.map((row) => JSON.parse(row.embedding) as number[]);
    const spans = rows.map((row) => ({ docId: row.doc_id, start: row.start_offset, end: row.end_offset }));
    const similarity = (a: number, b: number) => passageSimilarity(vectors[a]!, vectors[b]!, spans[a]!, spans[b]!);
    const best = (mode === 'bm25' ? 1 : mode === 'dense' ? fusion.denseWeight : 1 + fusion.denseWeight) / (RRF_K + 1);
    const candidates = rows.map((row, item) => ({ item, relevance: row.score / best }));
    const top = mode === 'hybrid' ? selectMmr(candidates.slice(0, Math.max(3 * k, 24)), k, similarity, fusion.mmrLambda) : candidates.slice(0, k);
    const ranked = addOtherArticles(top, candidates, ({ item }) => rows[item]!.doc_id, options.otherArticles);

    // Sentences are embedded when retrieved, not stored: tens per query, microseconds each offline.
    const picked = ranked.map(({ item }) => rows[item]!);
    const sentenceTexts = picked.flatMap((row) => row.sentences.map((s) => docs.get(row.doc_id)!.body.slice(s.start, s.end)));
    const sentenceVectors = sentenceTexts.length ? await embedder.embedDocuments(sentenceTexts) : [];
    const vectorOf = new Map<string, Float32Array>();
    let n = 0;
    for (const row of picked) for (const s of row.sentences) vectorOf.set(`${row.doc_id}:${s.start}:${s.end}`, Float32Array.from(sentenceVectors[n++]!));
    const queryTerms = new Map(lexicalTerms(query).map((term) => [term, idf(term)]));
    const scoring = {
      queryVector,
      queryTerms,
      idf,
      sentenceVector: (docId: string, start: number, end: number) => vectorOf.get(`${docId}:${start}:${end}`),
      sentenceTerms: (docId: string, start: number, end: number) => new Set(lexicalTerms(docs.get(docId)!.body.slice(start, end))),
    };
    return ranked.map(({ item, relevance }) => {
      const row = rows[item]!;
      const { meta, body } = docs.get(row.doc_id)!;
      const chunk = { id: row.id, docId: row.doc_id, start: row.start_offset, end: row.end_offset, text: body.slice(row.start_offset, row.end_offset), role: row.role, sentences: row.sentences };
      return toHit(chunk, meta.title, relevance, scoring);
    });
  }

  return { index, search, idf };
}
