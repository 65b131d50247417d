import { describe, expect, it } from 'vitest';
import { chunkArticle } from '../../src/chunking/chunk-article.js';
import { contextualText } from '../../src/chunking/contextual-text.js';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import MiniSearch from 'minisearch';
import { bm25QueryTerms, scoreBm25, scoreBm25Postings, termsWithPrefix, type Bm25Candidate } from '../../src/retrieval/bm25-score.js';
import { CONTEXT_WEIGHT, lexicalQuery, PREFIX_MIN } from '../../src/retrieval/lexical-query.js';
import { lexicalTerms } from '../../src/text/tokenize-words.js';

describe('scoreBm25', () => {
  it('ranks and scores the default corpus exactly as MiniSearch\'s BM25+ does, prefixes and context included', async () => {
    const { articles } = await loadCorpus('corpus');
    const texts = articles.flatMap((article) => chunkArticle(article).map((chunk) => contextualText(chunk, article.meta)));
    // MiniSearch's BM25+ with wedge's tokens: the reference the local store ranked with before its SQLite layout.
    const minisearch = new MiniSearch<{ id: number; text: string }>({ fields: ['text'], tokenize: (text) => lexicalTerms(text), processTerm: (term) => term, searchOptions: { combineWith: 'OR', prefix: false, fuzzy: false } });
    minisearch.addAll(texts.map((text, id) => ({ id, text })));
    const candidates: Bm25Candidate[] = texts.map((text, id) => {
      const terms = lexicalTerms(text);
      const termFrequency: Record<string, number> = {};
      for (const term of terms) termFrequency[term] = (termFrequency[term] ?? 0) + 1;
      return { id: String(id), length: new Set(terms).size, termFrequency };
    });
    const documentFrequency = new Map<string, number>();
    for (const c of candidates) for (const term of Object.keys(c.termFrequency)) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
    const stats = { count: texts.length, averageLength: candidates.reduce((s, c) => s + c.length, 0) / texts.length, documentFrequency, sortedTerms: [...documentFrequency.keys()].sort() };
    const lengths = Uint16Array.from(candidates, (c) => c.length);
    for (const [question, context] of [["Why won't the split work?", ''], ['complementarities of the two economies', ''], ['What about energy?', 'Russia China trade pipelines'], ['Kremlin distrust of Washington', '']] as const) {
      const query = lexicalQuery(question, context, documentFrequency, texts.length);
      const expected = minisearch.search(query.text, { prefix: (term: string) => term.length >= PREFIX_MIN, boostTerm: (term: string) => (query.ownTerms.has(term) ? 1 : CONTEXT_WEIGHT) }).slice(0, 20);
      const actual = scoreBm25(bm25QueryTerms(query, stats), candidates, stats).slice(0, 20);
      expect(actual.map((r) => r.id)).toEqual(expected.map((r) => String(r.id)));
      actual.forEach((r, i) => expect(r.score).toBeCloseTo(expected[i]!.score, 9));
      // The posting-by-posting form the local store uses gives the same ranking and scores.
      const postings = (term: string) => {
        const holders = candidates.filter((c) => c.termFrequency[term]);
        return { docs: Int32Array.from(holders, (c) => Number(c.id)), counts: Uint16Array.from(holders, (c) => c.termFrequency[term]!) };
      };
      const byPostings = scoreBm25Postings(bm25QueryTerms(query, stats), postings, lengths, stats, 20);
      expect(byPostings.map((r) => String(r.id))).toEqual(actual.map((r) => r.id));
      byPostings.forEach((r, i) => expect(r.score).toBeCloseTo(actual[i]!.score, 9));
      // Its arrays are reused across queries on one index: a query run again after others scores the same.
      expect(scoreBm25Postings(bm25QueryTerms(query, stats), postings, lengths, stats, 20)).toEqual(byPostings);
    }
  });
  it('finds the terms that begin with a prefix by binary search', () => {
    expect(termsWithPrefix(['complement', 'complementar', 'complex', 'trade'], 'complement')).toEqual(['complement', 'complementar']);
    expect(termsWithPrefix(['a', 'b'], 'z')).toEqual([]);
  });
});
