import type { Chunk } from '../chunking/chunk.js';
import type { Hit } from './hit.js';
import { scoreSentences, type SentenceData, type SentenceScoringContext } from './score-sentences.js';

/** A ranked passage as both stores return it: offsets, its fused relevance, and each sentence's score. */
export function toHit(chunk: Pick<Chunk, 'id' | 'docId' | 'start' | 'end' | 'text' | 'role' | 'sentences'>, sentences: SentenceData[], title: string, relevance: number, scoring: SentenceScoringContext): Hit {
  return {
    docId: chunk.docId,
    title,
    chunkId: chunk.id,
    text: chunk.text,
    start: chunk.start,
    end: chunk.end,
    score: Number(relevance.toFixed(4)),
    role: chunk.role,
    sentences: scoreSentences(chunk, sentences, scoring),
  };
}
