import { describe, expect, it } from 'vitest';
import { chunkArticle } from '../../src/chunking/chunk-article.js';
import { DEFAULT_CHUNKER } from '../../src/chunking/chunk.js';
import { contextualText } from '../../src/chunking/contextual-text.js';
import { loadCorpus } from '../../src/corpus/load-corpus.js';
import { tokenizeWords } from '../../src/text/tokenize-words.js';

const { articles } = await loadCorpus('corpus');

describe('chunkArticle on every article of the default corpus', () => {
  for (const article of articles) {
    it(`${article.meta.id}: every chunk and sentence slices back to its text exactly`, () => {
      const chunks = chunkArticle(article);
      expect(chunks.length).toBeGreaterThan(3);
      for (const chunk of chunks) {
        expect(article.body.slice(chunk.start, chunk.end)).toBe(chunk.text);
        expect(chunk.text.length).toBeLessThanOrEqual(DEFAULT_CHUNKER.maxChars);
        for (const s of chunk.sentences) {
          expect(s.start).toBeGreaterThanOrEqual(chunk.start);
          expect(s.end).toBeLessThanOrEqual(chunk.end);
          expect(article.body.slice(s.start, s.end).trim()).toBe(article.body.slice(s.start, s.end));
        }
      }
    });
  }

  it('makes body chunks of about 80–200 words, with short ones only at section ends', () => {
    const chunks = articles.flatMap((a) => chunkArticle(a)).filter((c) => c.role === 'body');
    const words = chunks.map((c) => tokenizeWords(c.text).length);
    expect(Math.max(...words)).toBeLessThanOrEqual(DEFAULT_CHUNKER.maxWords + 10);
    const median = [...words].sort((a, b) => a - b)[Math.floor(words.length / 2)]!;
    expect(median).toBeGreaterThanOrEqual(80);
    expect(words.filter((w) => w < 40).length / words.length).toBeLessThan(0.1);
  });

  it('overlaps consecutive chunks of a section by one sentence', () => {
    const chunks = chunkArticle(articles.find((a) => a.meta.id === 'geopolitical-monitor-russia-strategy')!).filter((c) => c.role === 'body');
    const overlapping = chunks.slice(1).filter((chunk, i) => {
      const previous = chunks[i]!;
      const last = previous.sentences[previous.sentences.length - 1]!;
      return chunk.sentences[0]!.start === last.start;
    });
    expect(overlapping.length).toBeGreaterThan(0);
  });

  it('gives the same chunk ids on every rebuild of an unchanged article', () => {
    const article = articles[0]!;
    expect(chunkArticle(article).map((c) => c.id)).toEqual(chunkArticle({ ...article }).map((c) => c.id));
    const changed = { ...article, body: `${article.body}\n\nOne more closing paragraph here.` };
    expect(chunkArticle(changed).map((c) => c.id).slice(0, 3)).toEqual(chunkArticle(article).map((c) => c.id).slice(0, 3));
  });

  it('never exceeds the character limit, even for one enormous sentence', () => {
    const long = `${'word '.repeat(600).trim()}.`;
    const chunks = chunkArticle({ meta: { id: 'long', title: 'Long' }, body: long, file: 'long.md' });
    for (const chunk of chunks) {
      expect(chunk.text.length).toBeLessThanOrEqual(1200);
      expect(long.slice(chunk.start, chunk.end)).toBe(chunk.text);
    }
    expect(chunks[chunks.length - 1]!.end).toBe(long.length);
  });
});

describe('contextualText', () => {
  it('prefixes title, author, publisher and section but keeps the chunk text verbatim', () => {
    const jin = articles.find((a) => a.meta.id === 'jin-canrong-not-that-easy')!;
    const chunk = chunkArticle(jin)[3]!;
    const text = contextualText(chunk, jin.meta);
    expect(text).toContain('by Jin Canrong');
    expect(text.endsWith(chunk.text)).toBe(true);
    expect(chunk.text).not.toContain('Jin Canrong');
  });
});
