import type { EncodedText, MeaningModel } from '../../meaning/meaning-model.js';
import type { DocLookup } from '../evidence.js';
import type { RankedSentence } from './rank-sentences.js';
import { windowFeaturesFor } from '../typing/window-type-features.js';

// Windows repeat across questions on one corpus; their encodings (the question-independent half) are kept, up to this many.
const ENCODED_MAX = 4096;
const encodings = new WeakMap<MeaningModel, Map<string, EncodedText>>();

function encoded(model: MeaningModel, text: string): EncodedText {
  let cache = encodings.get(model);
  if (!cache) encodings.set(model, (cache = new Map()));
  let hit = cache.get(text);
  if (hit) return hit;
  hit = model.encode(text);
  // A full cache starts again rather than tracking recency: a window costs 0.04 ms to encode.
  if (cache.size >= ENCODED_MAX) cache.clear();
  cache.set(text, hit);
  return hit;
}

/** The text the answer model reads for a candidate: the sentence with the one before it in its passage, so a pronoun has its referent. */
export function answerWindow(candidate: RankedSentence, docs: DocLookup): string {
  const { item } = candidate;
  const body = item.previousStart === undefined ? undefined : docs(item.docId)?.body;
  return body ? body.slice(item.previousStart, item.end) : item.text;
}

/**
 * The answer model's verdict on a question's top candidates: the largest probability that a candidate's window
 * states the answer (0 without candidates). Trained listwise against a no-answer option, so the value is
 * comparable across questions: it is what the answerability model reads.
 */
export function bestAnswerScore(model: MeaningModel, question: string, top: RankedSentence[], docs: DocLookup): number {
  if (!top.length) return 0;
  const q = encoded(model, question);
  // A model trained with the typed features reads them beside the two texts.
  const extra = windowFeaturesFor(model.header.extra, question);
  let best = 0;
  for (const candidate of top) {
    const window = answerWindow(candidate, docs);
    best = Math.max(best, model.score('answer', q, encoded(model, window), extra?.(window))[1]!);
  }
  return best;
}
