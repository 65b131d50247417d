import { vectorLiteral } from '../../indexing/postgres/build-pg-index.js';
import { setEfSearch } from '../../indexing/postgres/create-pg-pool.js';
import type { PgIndex } from '../../indexing/postgres/open-pg-index.js';
import { bm25QueryTerms, scoreBm25 } from '../bm25-score.js';
import { defaultFusion, type FusionSettings, type Retriever, type SearchOptions } from '../create-retriever.js';
import { fuseRankings } from '../fuse-rankings.js';
import { lexicalQuery } from '../lexical-query.js';
import type { Hit } from '../hit.js';
import { passageSimilarity } from '../passage-similarity.js';
import { selectMmr } from '../select-mmr.js';
import { addOtherArticles } from '../add-other-articles.js';
import { sentenceDataOf, sentenceScoring } from '../score-sentences.js';
import { toHit } from '../to-hit.js';

const RRF_K = 60;

interface Row { id: string; doc_id: string; start_offset: number; end_offset: number; role: 'body' | 'caption'; sentences: Array<{ start: number; end: number }>; embedding: string }

/**
 * Hybrid search over Postgres, ranked as the local store ranks: BM25+ with IDF over the passages that hold a
 * query term (term frequencies kept per passage, scored here exactly as MiniSearch scores the local index),
 * pgvector HNSW (cosine) for the dense side, weighted RRF, MMR, and sentence scores.
 */
export function createPgRetriever(index: PgIndex, fusion: FusionSettings = defaultFusion(index.manifest.embedder.id)): Retriever & { index: PgIndex } {
  const { pool, docs, embedder, documentFrequency, textFrequency } = index;
  // Connections that already have the HNSW search beam set (one SET per pooled connection, not per query).
  const tuned = new WeakSet<object>();
  const chunkCount = Math.max(1, index.manifest.counts.chunks);
  const idf = (term: string) => Math.log(1 + chunkCount / ((textFrequency.get(term) ?? 0) + 0.5));
  const stats = { count: chunkCount, averageLength: index.averageLength, documentFrequency, sortedTerms: index.sortedTerms };

  async function searchOnce(query: string, options: SearchOptions): Promise<Hit[]> {
    const { k = 8, mode = 'hybrid', includeCaptions = false } = options;
    const context = options.context?.trim() ?? '';
    const text = context ? `${query} ${context}` : query;
    const pool_ = Math.min(chunkCount, Math.max(options.candidates ?? 50, k * 4));
    const queryVector = await embedder.embedQuery(text);
    const terms = bm25QueryTerms(lexicalQuery(query, context, textFrequency, chunkCount), stats);
    const derived = [...new Set(terms.flatMap((t) => t.derived.map((d) => d.term)))];
    const roles = includeCaptions ? ['body', 'caption'] : ['body'];
    const client = await pool.connect();
    let rows: Row[];
    let lexicalRanking: string[] = [];
    let denseRanking: string[] = [];
    try {
      if (!tuned.has(client)) {
        await client.query(setEfSearch(chunkCount));
        tuned.add(client);
      }
      if (mode !== 'dense' && derived.length) {
        // Only the query's terms' counts travel: a passage's whole term table would be most of the row.
        const candidates = await client.query<{ id: string; length: number; tf: Record<string, number> | null }>(`
          SELECT c.id, cardinality(c.terms) AS length,
                 (SELECT jsonb_object_agg(t, c.term_freqs -> t) FROM unnest($1::text[]) AS t WHERE c.term_freqs ? t) AS tf
          FROM wedge_chunks c WHERE c.terms && $1::text[] AND c.role = ANY($2)`, [derived, roles]);
        lexicalRanking = scoreBm25(terms, candidates.rows.map((row) => ({ id: row.id, length: Number(row.length), termFrequency: row.tf ?? {} })), stats)
          .slice(0, pool_).map((r) => r.id);
      }
      if (mode !== 'bm25') {
        // As the local store does: the nearest passages of any role, then captions left out.
        const dense = await client.query<{ id: string; role: string }>('SELECT id, role FROM wedge_chunks ORDER BY embedding <=> $1::vector LIMIT $2', [vectorLiteral(queryVector), pool_]);
        denseRanking = dense.rows.filter((row) => roles.includes(row.role)).map((row) => row.id);
      }
      const ids = [...new Set([...lexicalRanking, ...denseRanking])];
      ({ rows } = await client.query<Row>('SELECT id, doc_id, start_offset, end_offset, role, sentences, embedding::text AS embedding FROM wedge_chunks WHERE id = ANY($1)', [ids]));
    } finally {
      client.release();
    }
    const position = new Map(rows.map((row, i) => [row.id, i]));
    const numbered = (ranking: string[]) => ranking.map((id) => position.get(id)).filter((i): i is number => i !== undefined);
    let ranking: Array<{ item: number; relevance: number }>;
    if (mode === 'hybrid') {
      const fused = fuseRankings([numbered(lexicalRanking), numbered(denseRanking)], RRF_K, [1, fusion.denseWeight]);
      const best = (1 + fusion.denseWeight) / (RRF_K + 1);
      ranking = [...fused].map(([item, relevance]) => ({ item, relevance: relevance / best })).sort((x, y) => y.relevance - x.relevance);
    } else {
      const single = numbered(mode === 'bm25' ? lexicalRanking : denseRanking);
      ranking = single.map((item, rank) => ({ item, relevance: 1 / (rank + 1) }));
    }
    const vectors = rows.map((row) => JSON.parse(row.embedding) as number[]);
    const spans = rows.map((row) => ({ docId: row.doc_id, start: row.start_offset, end: row.end_offset }));
    const similarity = (a: number, b: number) => passageSimilarity(vectors[a]!, vectors[b]!, spans[a]!, spans[b]!);
    // Items far down the fused list are never picked at λ = 0.7; leaving them out keeps MMR cheap.
    const top = mode === 'hybrid' ? selectMmr(ranking.slice(0, Math.max(3 * k, 24)), k, similarity, fusion.mmrLambda) : ranking.slice(0, k);
    const ranked = addOtherArticles(top, ranking, ({ item }) => rows[item]!.doc_id, options.otherArticles);

    // Sentences are embedded when retrieved, not stored: tens per query, microseconds each offline.
    const picked = ranked.map(({ item }) => rows[item]!);
    const sentenceTexts = picked.flatMap((row) => row.sentences.map((s) => docs.get(row.doc_id)!.body.slice(s.start, s.end)));
    const sentenceVectors = sentenceTexts.length ? await embedder.embedDocuments(sentenceTexts) : [];
    let n = 0;
    const scoring = sentenceScoring(query, queryVector, idf);
    return ranked.map(({ item, relevance }) => {
      const row = rows[item]!;
      const { meta, body } = docs.get(row.doc_id)!;
      const chunk = { id: row.id, docId: row.doc_id, start: row.start_offset, end: row.end_offset, text: body.slice(row.start_offset, row.end_offset), role: row.role, sentences: row.sentences };
      return toHit(chunk, chunk.text, sentenceDataOf(chunk, row.sentences.map(() => Float32Array.from(sentenceVectors[n++]!))), meta.title, relevance, scoring);
    });
  }

  async function search(query: string, options: SearchOptions = {}): Promise<Hit[]> {
    const hits = await searchOnce(query, options);
    if (!options.withCaptions || options.includeCaptions) return hits;
    // The captions a search with captions returns among its top k, after the body passages (a second query here).
    const { otherArticles: _none, ...rest } = options;
    return [...hits, ...(await searchOnce(query, { ...rest, includeCaptions: true })).filter((hit) => hit.role === 'caption')];
  }

  return { index, search, idf };
}
