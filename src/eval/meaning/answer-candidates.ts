import MiniSearch from 'minisearch';
import { segmentSentences } from '../../chunking/segment-sentences.js';
import { goldSpans } from '../gold-span.js';

/** A candidate answer window: a sentence with the one before it in the same document. */
export interface AnswerWindow { docId: string; start: number; end: number; text: string }

/** What candidate sets are built from: documents and questions, from the bank or any corpus with question files. */
export interface CandidateCorpus {
  docs: Array<{ id: string; body: string }>;
  answerable: Array<{ id: string; question: string; gold: Array<{ docId: string; quote: string }> }>;
  unanswerable: Array<{ id: string; question: string }>;
}

/** Every window of a corpus, in document order. */
export function corpusWindows(corpus: Pick<CandidateCorpus, 'docs'>): AnswerWindow[] {
  return corpus.docs.flatMap((doc) => {
    const spans = segmentSentences(doc.body);
    return spans.map((span, i) => ({ docId: doc.id, start: span.start, end: span.end, text: doc.body.slice(spans[Math.max(0, i - 1)]!.start, span.end) }));
  });
}

/** One question's candidates: the windows BM25 ranks first, plus every gold window, each marked gold (holding a gold sentence) or not. */
export interface CandidateSet { id: string; question: string; answerable: boolean; windows: Array<AnswerWindow & { gold: boolean }> }

/**
 * Candidate sets for the answer task, as an answerer would face them: the top windows by BM25 (MiniSearch) for
 * each question, with the gold windows added when missed.
 */
export function answerCandidates(corpus: CandidateCorpus, depth = 14): CandidateSet[] {
  const windows = corpusWindows(corpus);
  const search = new MiniSearch<{ id: number; text: string }>({ fields: ['text'] });
  search.addAll(windows.map((w, id) => ({ id, text: w.text })));
  const bodies = new Map(corpus.docs.map((d) => [d.id, d.body]));
  const top = (question: string) => search.search(question).slice(0, depth).map((r) => r.id as number);
  const sets: CandidateSet[] = corpus.answerable.map((q) => {
    const gold = goldSpans(q.gold, (docId) => bodies.get(docId));
    // A window holds the answer when it holds half of a gold sentence, as a citation does in the answer metrics;
    // so the window that ends in a gold sentence and the one that starts with it both count.
    const windowStart = (w: AnswerWindow) => w.end - w.text.length;
    const isGold = (w: AnswerWindow) => gold.some((g) => g.docId === w.docId && Math.min(g.end, w.end) - Math.max(g.start, windowStart(w)) >= (g.end - g.start) / 2);
    const ids = new Set(top(q.question));
    windows.forEach((w, id) => { if (isGold(w) && ids.size < depth + 6) ids.add(id); });
    return { id: q.id, question: q.question, answerable: true, windows: [...ids].map((id) => ({ ...windows[id]!, gold: isGold(windows[id]!) })) };
  });
  for (const q of corpus.unanswerable) sets.push({ id: q.id, question: q.question, answerable: false, windows: top(q.question).map((id) => ({ ...windows[id]!, gold: false })) });
  return sets;
}
