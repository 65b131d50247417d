import type { ArticleMeta } from '../corpus/article.js';
import { captionTextLength } from '../corpus/caption-credit.js';
import type { Hit } from '../retrieval/hit.js';
import type { Citation } from './answer-result.js';
import { roundScore } from '../text/round-score.js';

/** A sentence (or run of sentences) that may be cited, with where it came from and how relevant it is. */
export interface Evidence {
  docId: string;
  chunkId: string;
  start: number;
  end: number;
  text: string;
  /** Sentence relevance to the question, 0–1. */
  score: number;
  /** Rank of its passage in retrieval (0 = best). */
  hitRank: number;
  /** Set when the sentence is a photo caption's, not the article's running text. */
  caption?: true;
  hitScore: number;
  /** Relevance of the sentence before it in its passage (0 for a passage's first): answers often follow their set-up. */
  lead?: number;
  /** Start of the sentence before it in its passage, for a sentence that reads only with that one ("This means…"). */
  previousStart?: number;
}

/** Looks up article text and metadata; the index provides it. */
export type DocLookup = (docId: string) => { meta: ArticleMeta; body: string } | undefined;

const MIN_WORDS = 6;
const FOLLOW_SHARE = 0.5;

// What the regex class \s matches (ECMAScript's WhiteSpace and LineTerminator), by char code.
function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a)
    || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** Whether a text has at least `min` whitespace-separated words (a scan that stops at the `min`th: no regex, no copy). */
function hasWords(text: string, min: number): boolean {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i += 1) {
    const space = isSpace(text.charCodeAt(i));
    if (!space && !inWord && (words += 1) >= min) return true;
    inWord = !space;
  }
  return false;
}

/** Whether a text's last character other than whitespace is a question mark. */
function endsWithQuestionMark(text: string): boolean {
  let i = text.length - 1;
  while (i >= 0 && isSpace(text.charCodeAt(i))) i -= 1;
  return i >= 0 && text.charCodeAt(i) === 63;
}

/**
 * Turns retrieved passages into citable sentences: body text only (captions skipped unless `captions`), no
 * questions or fragments, each sentence once even when overlapping chunks both hold it.
 */
export function collectEvidence(hits: Hit[], docs: DocLookup, options: { captions?: boolean } = {}): Evidence[] {
  // Starts already collected, by article (numbers, so no key string is built per sentence).
  const seen = new Map<string, Set<number>>();
  const evidence: Evidence[] = [];
  hits.forEach((hit, hitRank) => {
    if (hit.role !== 'body' && !options.captions) return;
    const body = docs(hit.docId)?.body;
    if (!body) return;
    let starts = seen.get(hit.docId);
    if (!starts) seen.set(hit.docId, (starts = new Set()));
    hit.sentences.forEach((sentence, i) => {
      if (starts.has(sentence.start)) return;
      starts.add(sentence.start);
      // A caption is quoted without the photo credit it ends with: the credit is the site's, not what the photo shows.
      const end = hit.role === 'caption' ? sentence.start + captionTextLength(body.slice(sentence.start, sentence.end)) : sentence.end;
      const text = body.slice(sentence.start, end);
      if (endsWithQuestionMark(text) || !hasWords(text, MIN_WORDS)) return;
      // A sentence that follows one on the question often is the answer to it ("Yet, this assumption is flawed." → why).
      const previous = hit.sentences[i - 1]?.score ?? 0;
      const score = sentence.score + FOLLOW_SHARE * Math.max(0, previous - sentence.score);
      const item: Evidence = { docId: hit.docId, chunkId: hit.chunkId, start: sentence.start, end, text, score, hitRank, hitScore: hit.score, lead: previous };
      if (i > 0) item.previousStart = hit.sentences[i - 1]!.start;
      if (hit.role === 'caption') item.caption = true;
      evidence.push(item);
    });
  });
  return evidence;
}

/** How strongly a sentence stands on its own, before any question-specific ranking: its relevance, its passage's, and the passage's rank. */
export function evidenceStrength(item: Evidence): number {
  return 0.55 * item.score + 0.45 * item.hitScore - 0.02 * item.hitRank;
}

/** What a citation of a sentence quotes: its span (from `start`, when it reads with the sentence before), scored `score`, marked when it is a caption's. */
export type CitedSpan = Pick<Evidence, 'docId' | 'chunkId' | 'start' | 'end' | 'score' | 'caption'>;

/** The span a citation of `item` quotes, with the score it is cited at. */
export function citedSpan(item: Evidence, score: number, start = item.start): CitedSpan {
  return { docId: item.docId, chunkId: item.chunkId, start, end: item.end, score, ...(item.caption ? { caption: item.caption } : {}) };
}

/** Makes numbered citations from chosen evidence; the quote is sliced from the article body, never copied from elsewhere. */
export function toCitations(chosen: CitedSpan[], docs: DocLookup): Citation[] {
  return chosen.map((item, i) => {
    const doc = docs(item.docId);
    if (!doc) throw new Error(`unknown document ${item.docId}`);
    const { meta, body } = doc;
    return {
      n: i + 1,
      docId: item.docId,
      title: meta.title,
      ...(meta.publisher ? { publisher: meta.publisher } : {}),
      ...(meta.kind ? { kind: meta.kind } : {}),
      ...(meta.author ? { author: meta.author } : {}),
      ...(meta.date ? { date: meta.date } : {}),
      ...(meta.url ? { url: meta.url } : {}),
      chunkId: item.chunkId,
      quote: body.slice(item.start, item.end),
      start: item.start,
      end: item.end,
      score: roundScore(item.score),
      ...(item.caption ? { caption: true as const } : {}),
    };
  });
}

/** How an article is named in prose: its author, else its publisher, else its title. */
export function sourceName(meta: ArticleMeta): string {
  if (meta.author && meta.publisher) return `${meta.author} (${meta.publisher})`;
  return meta.author ?? meta.publisher ?? `“${meta.title}”`;
}
