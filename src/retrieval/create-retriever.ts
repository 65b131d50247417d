import type { ArticleMeta } from '../corpus/article.js';
import type { WedgeEmbeddings } from '../embeddings/wedge-embeddings.js';
import type { Manifest } from '../indexing/manifest.js';
import type { OpenIndex } from '../indexing/open-index.js';
import { BoundedCache } from '../indexing/bounded-cache.js';
import { sentenceKey } from '../indexing/sentence-key.js';
import { bm25QueryTerms, scoreBm25Postings } from './bm25-score.js';
import { lexicalQuery } from './lexical-query.js';
import { exactKnn, type KnnResult } from './exact-knn.js';
import { fuseRankings } from './fuse-rankings.js';
import { passageSimilarity } from './passage-similarity.js';
import type { Hit } from './hit.js';
import { addOtherArticles } from './add-other-articles.js';
import { sentenceDataOf, sentenceScoring, type SentenceData } from './score-sentences.js';
import { selectMmr } from './select-mmr.js';
import { selectTop } from './select-top.js';
import { toHit } from './to-hit.js';

/** Which ranking to use: both fused (the default), or one alone (for measuring). */
export type RetrievalMode = 'hybrid' | 'bm25' | 'dense';

/** Options of one search. */
export interface SearchOptions {
  k?: number;
  mode?: RetrievalMode;
  /** Include photo-caption chunks (excluded by default: they illustrate, they do not argue). */
  includeCaptions?: boolean;
  /** Candidates taken from each ranking before fusion. */
  candidates?: number;
  /** Earlier-conversation terms: searched too, but weighted below the query itself. */
  context?: string;
  /** Also return the best passage of up to this many articles missing from the top k (answering wants several voices; measuring wants none). */
  otherArticles?: number;
  /**
   * After the body passages, also the photo captions that a search with `includeCaptions` would return among its top
   * k (answering may quote a caption; whether to answer is read from the body passages alone).
   */
  withCaptions?: boolean;
}


/** How the hybrid ranking is put together; defaults depend on the embedder (see defaultFusion). */
export interface FusionSettings {
  /** RRF weight of the dense ranking (BM25's is 1). */
  denseWeight: number;
  /** MMR trade-off: 1 is pure relevance, lower favours passages unlike those already picked. */
  mmrLambda: number;
}

/**
 * The offline GloVe embedder ranks passages measurably worse than BM25 on evals/retrieval.jsonl
 * (see BENCHMARKS.md), so its ranking gets half BM25's say; a neural embedder gets an equal say.
 */
export function defaultFusion(embedderId: string): FusionSettings {
  return { denseWeight: embedderId.startsWith('glove') ? 0.5 : 1, mmrLambda: 0.7 };
}

/** What answering needs to know of an index, whichever store holds it. */
export interface IndexView {
  manifest: Manifest;
  docs: ReadonlyMap<string, { meta: ArticleMeta; body: string; chars: number }>;
  embedder: WedgeEmbeddings;
  /** Every word the articles use (articleWords), when the store kept them at build time. */
  vocabulary?(): string[];
}

/** Searches one loaded index (local files or Postgres). */
export interface Retriever {
  index: IndexView;
  search(query: string, options?: SearchOptions): Promise<Hit[]>;
  /** Inverse document frequency of a lexical term (a stem) over the chunks; highest for terms the corpus lacks. */
  idf(term: string): number;
}

const RRF_K = 60;
/** Sentences whose vectors and terms, and passages whose vectors, a retriever keeps between queries. */
const SENTENCE_CACHE = 50_000;
const VECTOR_CACHE = 10_000;
// open-index sets the graph's ef to the point count up to this many, so its search visits every point: an exhaustive
// pass over the vectors in memory returns the same neighbours without walking the graph.
const EXACT_MAX = 400;

/**
 * Creates a hybrid retriever: BM25 (FTS5's index, scored as BM25+ with bm25-score.ts) + dense (HNSW) fused by
 * RRF, diversified by MMR, with sentence scores. Chunk rows and sentence vectors are read per query from the
 * build's SQLite file (kept in bounded caches); only article metadata and term statistics stay in memory whole.
 */
export function createRetriever(index: OpenIndex, fusion: FusionSettings = defaultFusion(index.manifest.embedder.id)): Retriever & { index: OpenIndex } {
  const { store, docs, dense, embedder } = index;
  // Statistics count live chunks; positions (arrays, graph labels) run over every slot, tombstones included.
  const chunkCount = store.liveCount;
  // Bounded, so a long-running server over a large index keeps what queries reuse, not all it ever read.
  // Kept by chunk position (a number: no key is built or hashed per sentence), weighed by the chunk's sentence count.
  const sentenceCache = new BoundedCache<number, SentenceData[]>(SENTENCE_CACHE, (data) => data.length);
  const vectorCache = new BoundedCache<number, Float64Array>(VECTOR_CACHE, () => 1);
  // Kept as typed arrays (the same values): MMR's dot products read them much faster than the arrays hnswlib returns.
  const chunkVector = (i: number) => vectorCache.get(i, () => Float64Array.from(dense.index.getPoint(i)));
  let flat: Float32Array | undefined;
  const dimensions = index.manifest.embedder.dimensions;
  // Role 2 marks a deleted position (a tombstone the graph skips too).
  const live = (i: number) => store.roles[i] !== 2;
  const denseSearch = (queryVector: number[], k: number): KnnResult => {
    if (store.chunkCount > EXACT_MAX) return dense.index.searchKnn(queryVector, k);
    if (!flat) {
      flat = new Float32Array(store.chunkCount * dimensions);
      for (let i = 0; i < store.chunkCount; i += 1) if (live(i)) flat.set(dense.index.getPoint(i), i * dimensions);
    }
    return exactKnn(flat, dimensions, live, queryVector, k);
  };
  // Query shaping and sentence weights count terms in the passage text alone; BM25 counts them in the indexed text.
  const idf = (term: string) => Math.log(1 + chunkCount / ((store.textFrequency.get(term) ?? 0) + 0.5));
  const stats = { count: chunkCount, averageLength: store.averageLength, documentFrequency: store.documentFrequency, sortedTerms: store.sortedTerms };

  /** BM25+ over the chunks that hold a query term, best first (as MiniSearch scored the previous layout, exactly). */
  const lexicalSearch = (query: string, context: string, limit: number) =>
    scoreBm25Postings(bm25QueryTerms(lexicalQuery(query, context, store.textFrequency, chunkCount), stats), store.postings, store.lengths, stats, limit);

  async function search(query: string, options: SearchOptions = {}): Promise<Hit[]> {
    const { k = 8, mode = 'hybrid', includeCaptions = false } = options;
    const pool = Math.min(chunkCount, Math.max(options.candidates ?? 50, k * 4));
    const context = options.context?.trim() ?? '';
    const queryVector = await embedder.embedQuery(context ? `${query} ${context}` : query);
    const lexicalResults = mode === 'dense' ? [] : lexicalSearch(query, context, pool * 4);
    const denseResult = mode === 'bm25' ? { neighbors: [], distances: [] } : denseSearch(queryVector, pool);
    const scoring = sentenceScoring(query, queryVector, idf);

    /**
     * The top k of the chunks `allowed` lets through, fused, diversified and scored (both rankings are read once per
     * query); of those, only the ones `returned` keeps are read and made into hits.
     */
    const select = (allowed: (i: number) => boolean, otherArticles?: number, returned?: (i: number) => boolean): Hit[] => {
      const lexicalRanking = lexicalResults.map((r) => r.id).filter(allowed).slice(0, pool);
      const denseRanking = denseResult.neighbors.filter(allowed);
      // The whole ranking stays for otherArticles to draw on; the top k are picked from it.
      let ranking: Array<{ item: number; relevance: number }>;
      if (mode === 'hybrid') {
        const fused = fuseRankings([lexicalRanking, denseRanking], RRF_K, [1, fusion.denseWeight]);
        const best = (1 + fusion.denseWeight) / (RRF_K + 1);
        const items: number[] = [];
        const relevances: number[] = [];
        // forEach rather than spreading the entries: no [item, score] array per fused item.
        fused.forEach((relevance, item) => { items.push(item); relevances.push(relevance / best); });
        // Best first, ties in fusion order: what a stable sort returns, with the heap's inlined comparisons.
        ranking = selectTop(items.length, (i) => relevances[i]!, items.length).map((i) => ({ item: items[i]!, relevance: relevances[i]! }));
      } else {
        const single = mode === 'bm25' ? lexicalRanking : denseRanking;
        // Scores by item only for a single ranking: fusion reads ranks alone.
        const scores = mode === 'bm25' ? new Map(lexicalResults.map((r) => [r.id, r.score])) : new Map(denseResult.neighbors.map((n, i) => [n, 1 - denseResult.distances[i]!]));
        const max = mode === 'bm25' ? Math.max(...scores.values(), Number.EPSILON) : 1;
        ranking = single.map((item) => ({ item, relevance: scores.get(item)! / max }));
      }
      // Items far down the fused list are never picked at λ = 0.7; leaving them out keeps MMR cheap.
      const shortlist = mode === 'hybrid' ? ranking.slice(0, Math.max(3 * k, 24)) : ranking.slice(0, k);
      // Rows of the candidates MMR weighs (of the whole ranking when other articles are wanted), in one read.
      const rows = store.chunks((otherArticles ? ranking : shortlist).map((r) => r.item));
      // Each shortlisted passage's vector read once: MMR weighs every pair it compares.
      const shortVectors = new Map(shortlist.map(({ item }) => [item, chunkVector(item)]));
      const similarity = (a: number, b: number) => passageSimilarity(shortVectors.get(a)!, shortVectors.get(b)!, rows.get(a)!, rows.get(b)!);
      const top = mode === 'hybrid' ? selectMmr(shortlist, k, similarity, fusion.mmrLambda) : shortlist;
      const picked = addOtherArticles(top, ranking, ({ item }) => rows.get(item)!.docId, otherArticles);
      const ranked = returned ? picked.filter(({ item }) => returned(item)) : picked;
      const positions = ranked.map(({ item }) => item);
      const texts = store.chunkTexts(positions);
      const sentences = sentenceCache.getMany(positions, (missing) => {
        const keys = new Map(missing.map((item) => [item, rows.get(item)!.sentences.map((s) => sentenceKey(rows.get(item)!.docId, s.start, s.end))]));
        const vectors = store.sentenceVectors([...keys.values()].flat());
        return new Map(missing.map((item) => [item, sentenceDataOf({ ...rows.get(item)!, text: texts.get(item)! }, keys.get(item)!.map((key) => vectors.get(key)))]));
      });
      return ranked.map(({ item, relevance }) => {
        const row = rows.get(item)!;
        return toHit(row, texts.get(item)!, sentences.get(item)!, docs.get(row.docId)!.meta.title, relevance, scoring);
      });
    };

    const hits = select((i) => store.roles[i] === 0 || (includeCaptions && store.roles[i] === 1), options.otherArticles);
    if (!options.withCaptions || includeCaptions) return hits;
    // The captions a search with captions would return among its top k, after the body passages, from the same rankings.
    return [...hits, ...select((i) => store.roles[i] === 0 || store.roles[i] === 1, undefined, (i) => store.roles[i] === 1)];
  }

  return { index, search, idf };
}
