import type { Chunk } from '../chunking/chunk.js';
import type { Hit } from './hit.js';
import { scoreSentences, type SentenceData, type SentenceScoringContext } from './score-sentences.js';
import { roundScore } from '../text/round-score.js';

/** A ranked passage as both stores return it: offsets, its fused relevance, and each sentence's score (the text apart, so a stored row is not copied to add it). */
export function toHit(chunk: Pick<Chunk, 'id' | 'docId' | 'start' | 'end' | 'role' | 'sentences'>, text: string, sentences: SentenceData[], title: string, relevance: number, scoring: SentenceScoringContext): Hit {
  return {
    docId: chunk.docId,
    title,
    chunkId: chunk.id,
    text,
    start: chunk.start,
    end: chunk.end,
    score: roundScore(relevance),
    role: chunk.role,
    sentences: scoreSentences(chunk, sentences, scoring),
  };
}
