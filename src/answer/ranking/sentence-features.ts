import { foldText } from '../../text/fold-text.js';
import { STOPWORDS } from '../../text/stopwords.js';
import { stemWord, tokenizeWords } from '../../text/tokenize-words.js';
import { BoundedCache } from '../../indexing/bounded-cache.js';
import type { Evidence } from '../evidence.js';
import { sentenceTagger } from '../typing/sentence-tagger.js';
import { typedFit } from '../typing/typed-fit.js';
import type { AnswerType, QuestionAnalysis, QuestionTerm } from './question-analysis.js';

/** What feature extraction may use besides the texts: corpus IDF of a stem and word-vector cosine. */
export interface RankingKnowledge { idf: (stem: string) => number; cosine?: (a: string, b: string) => number }

/** The features read from tagged tokens (typing/): a model that uses one needs the question's expected answer and tagged candidates. */
export const TYPED_FEATURES = ['typed', 'typed-near', 'typed-focus'] as const;

/** Names of the features, in the order of the vectors and of the fitted weights. */
export const FEATURE_NAMES = [
  'retrieval', 'lexical', 'alignment', 'focus', 'passage', 'rank', 'centrality', 'dependent', 'length', 'lead-in',
  'fit:reason', 'fit:number', 'fit:time', 'fit:person', 'fit:place', 'fit:polar', ...TYPED_FEATURES,
] as const;

// Surface marks of each answer type, general English: a reason question wants causes and consequences, a number question digits.
const FITS: Record<Exclude<AnswerType, 'other'>, RegExp> = {
  reason: /\b(because|since|as a result|due to|owing to|so that|therefore|thus|hence|reasons?|causes?d?|lead(s|ing)? to|led to|result(s|ed)? in|means?|given|driven by|stems? from|depend(s|ent|ence|ency)?|rel(y|ies|iant|iance)|cannot|can't|could not|couldn't|won't|will not|would not|unlikely|impossible|fails?|needs?|afford|interests?)\b/i,
  number: /\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|trillion|dozen|half|percent|double|twice)\b/i,
  time: /\b(1[5-9]\d\d|20\d\d|january|february|march|april|may|june|july|august|september|october|november|december|years? ago|decades?|century|since|until|in the \d+s)\b/i,
  person: /\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+|\b(president|minister|secretary|professor|leader|author|chairman|director|official|spokes(man|woman|person))\b/iu,
  place: /\b(in|at|from|to|near|across|along|into)\s+(the\s+)?\p{Lu}/u,
  polar: /\b(not|no|never|cannot|can't|won't|will|would|could|should|must|unlikely|likely|impossible|possible|indeed)\b/i,
};
const FIT_TYPES = Object.keys(FITS) as Array<keyof typeof FITS>;
const DEPENDENT = /^\s*["“]?(this|that|these|those|it|its|they|their|he|his|she|her|such|additionally|moreover|also|however|but|yet|still|furthermore|besides|then|thus|therefore|instead|meanwhile|in addition|as a result|in short|after all|even so)\b/i;

/** Content stems of a text with their folded words, for alignment and centrality. */
export function contentWords(text: string): Array<{ word: string; stem: string }> {
  return tokenizeWords(text).filter((w) => !STOPWORDS.has(w) && !/^\d+$/.test(w)).map((word) => ({ word, stem: stemWord(word) }));
}

/** Cosine of a question word with a candidate word (the hot path of ranking). */
type Similarities = (term: string, word: string) => number;

// A question word's cosines with the corpus words it met, kept across questions (most questions share their words
// with earlier ones): at most TERMS question words, each row cleared when it passes ROW_MAX words, per cosine function.
const TERMS = 256;
const ROW_MAX = 5_000;
const termRows = new WeakMap<(a: string, b: string) => number, BoundedCache<string, Map<string, number>>>();

function similarities(terms: QuestionTerm[], cosine?: (a: string, b: string) => number): Similarities {
  if (!cosine) return () => 0;
  let rows = termRows.get(cosine);
  if (!rows) termRows.set(cosine, (rows = new BoundedCache(TERMS, () => 1)));
  const table = new Map(terms.filter((t) => !t.name).map((t) => [t.word, rows.get(t.word, () => new Map<string, number>())]));
  return (term, word) => {
    const row = table.get(term);
    if (!row) return cosine(term, word);
    let value = row.get(word);
    if (value === undefined) {
      if (row.size >= ROW_MAX) row.clear();
      row.set(word, (value = cosine(term, word)));
    }
    return value;
  };
}

/** Yadav et al.'s alignment score: each question term's best match in the sentence (same stem 1, else cosine), IDF-weighted. */
function alignment(terms: QuestionTerm[], words: Array<{ word: string; stem: string }>, knowledge: RankingKnowledge, similarity: Similarities): number {
  let total = 0;
  let aligned = 0;
  for (const term of terms) {
    const weight = knowledge.idf(term.stem);
    total += weight;
    let best = 0;
    for (const w of words) {
      if (w.stem === term.stem) { best = 1; break; }
      // A name matches only itself: vectors put neighbouring countries close together.
      if (!term.name) best = Math.max(best, similarity(term.word, w.word));
    }
    aligned += weight * best;
  }
  return total ? aligned / total : 0;
}

/** Share of focus terms the sentence states (same stem, or a vector neighbour at cosine 0.6 or more). */
export function focusShare(focus: QuestionTerm[], words: Array<{ word: string; stem: string }>, knowledge: RankingKnowledge, similarity: Similarities = (a, b) => knowledge.cosine?.(a, b) ?? 0): number {
  if (!focus.length) return 1;
  let total = 0;
  let covered = 0;
  for (const term of focus) {
    const weight = knowledge.idf(term.stem);
    total += weight;
    if (words.some((w) => w.stem === term.stem || similarity(term.word, w.word) >= 0.6)) covered += weight;
  }
  return total ? covered / total : 1;
}

/** IDF-weighted bag of stems, unit length, for sentence-to-sentence similarity. */
export function stemVector(words: Array<{ stem: string }>, idf: (stem: string) => number): Map<string, number> {
  const vector = new Map<string, number>();
  for (const { stem } of words) vector.set(stem, (vector.get(stem) ?? 0) + idf(stem));
  let norm = 0;
  for (const value of vector.values()) norm += value * value;
  norm = Math.sqrt(norm) || 1;
  for (const [stem, value] of vector) vector.set(stem, value / norm);
  return vector;
}

/** Cosine of two unit stem vectors. */
export function stemCosine(a: Map<string, number>, b: Map<string, number>): number {
  let dot = 0;
  for (const [stem, value] of a) dot += value * (b.get(stem) ?? 0);
  return dot;
}

/**
 * Each candidate's highest cosine with a sentence of another article: whether its point recurs elsewhere.
 * Dot products are summed stem by stem over the candidates that share a stem, not pair by pair.
 */
function centrality(candidates: Candidate[]): number[] {
  const n = candidates.length;
  const dots = new Float64Array(n * n);
  const postings = new Map<string, Array<[number, number]>>();
  candidates.forEach((c, i) => { for (const [stem, value] of c.vector) { let list = postings.get(stem); if (!list) postings.set(stem, (list = [])); list.push([i, value]); } });
  for (const list of postings.values()) {
    for (let a = 0; a < list.length; a += 1) for (let b = a + 1; b < list.length; b += 1) {
      const [i, x] = list[a]!;
      const [j, y] = list[b]!;
      dots[i * n + j] = dots[i * n + j]! + x * y;
    }
  }
  return candidates.map((c, i) => {
    let best = 0;
    for (let j = 0; j < n; j += 1) if (j !== i && candidates[j]!.item.docId !== c.item.docId) best = Math.max(best, i < j ? dots[i * n + j]! : dots[j * n + i]!);
    return best;
  });
}

const typedColumns = (fit: { typed: number; near: number } | undefined, focus: number) => (fit ? [fit.typed, fit.near, fit.typed * focus] : [0, 0, 0]);
// A word this close to the head noun in GloVe stands for it ("troops" for "soldiers").
const ANCHOR_COSINE = 0.7;

/** A candidate sentence prepared for ranking. */
export interface Candidate { item: Evidence; words: Array<{ word: string; stem: string }>; vector: Map<string, number>; lead: number }

/**
 * The feature vector of each candidate sentence (FEATURE_NAMES order): relevance (retrieval score, lexical
 * and alignment shares, focus coverage), its passage's score and rank, centrality (the point recurs in
 * another article), whether it leans on the sentence before, length, the relevance of the sentence before,
 * whether it has the surface form the question's answer type wants, and (for a question read with its expected
 * answer) whether it holds a tagged token of that type, near what is asked about.
 */
export function sentenceFeatures(question: QuestionAnalysis, candidates: Candidate[], knowledge: RankingKnowledge): number[][] {
  const stems = new Set(question.terms.map((t) => t.stem));
  const similarity = similarities(question.terms, knowledge.cosine);
  const central = centrality(candidates);
  let idfTotal = 0;
  for (const t of question.terms) idfTotal += knowledge.idf(t.stem);
  const { expected } = question;
  // Only a factoid question read for a typed model has an expected answer, and only its candidates are tagged (cached by text).
  const tagger = expected && sentenceTagger();
  const anchorWords = expected?.head.length ? expected.head : question.focus;
  const anchorStems = new Set(anchorWords.map((t) => t.stem));
  const isAnchor = (token: { word: string; stem: string }) => anchorStems.has(token.stem) || anchorWords.some((t) => similarity(t.word, token.word) >= ANCHOR_COSINE);
  return candidates.map((candidate, index) => {
    const { item, words } = candidate;
    let lexical = 0;
    const present = new Set(words.map((w) => w.stem));
    for (const stem of stems) if (present.has(stem)) lexical += knowledge.idf(stem);
    // Only the question's own answer type is tested (the others are 0), so only its text form is made.
    const fits = FIT_TYPES.map((type) => (question.type === type && FITS[type].test(type === 'person' || type === 'place' ? item.text : foldText(item.text)) ? 1 : 0));
    const focus = focusShare(question.focus, words, knowledge, similarity);
    return [
      item.score, idfTotal ? lexical / idfTotal : 0, alignment(question.terms, words, knowledge, similarity), focus,
      item.hitScore, 1 / (1 + item.hitRank), central[index]!, DEPENDENT.test(item.text) ? 1 : 0, Math.log1p(words.length) / 3, candidate.lead,
      ...fits,
      ...typedColumns(tagger && typedFit(expected!, stems, isAnchor, tagger(item.text)), focus),
    ];
  });
}
