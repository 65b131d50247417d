import { foldText } from '../../text/fold-text.js';
import type { Evidence } from '../evidence.js';
import { sentenceTagger } from '../typing/sentence-tagger.js';
import { typedFit } from '../typing/typed-fit.js';
import type { QuestionAnalysis } from './question-analysis.js';
import { hasStemId, preparedCosine, type FitType, type PreparedSentence } from './prepared-sentence.js';
import { knownWordId, similarityRow, wordId, type SimilarityRow } from './word-similarity.js';

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
const FITS: Record<FitType, RegExp> = {
  reason: /\b(because|since|as a result|due to|owing to|so that|therefore|thus|hence|reasons?|causes?d?|lead(s|ing)? to|led to|result(s|ed)? in|means?|given|driven by|stems? from|depend(s|ent|ence|ency)?|rel(y|ies|iant|iance)|cannot|can't|could not|couldn't|won't|will not|would not|unlikely|impossible|fails?|needs?|afford|interests?)\b/i,
  number: /\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|trillion|dozen|half|percent|double|twice)\b/i,
  time: /\b(1[5-9]\d\d|20\d\d|january|february|march|april|may|june|july|august|september|october|november|december|years? ago|decades?|century|since|until|in the \d+s)\b/i,
  person: /\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+|\b(president|minister|secretary|professor|leader|author|chairman|director|official|spokes(man|woman|person))\b/iu,
  place: /\b(in|at|from|to|near|across|along|into)\s+(the\s+)?\p{Lu}/u,
  polar: /\b(not|no|never|cannot|can't|won't|will|would|could|should|must|unlikely|likely|impossible|possible|indeed)\b/i,
};

function surfaceFit(sentence: PreparedSentence, type: FitType, text: string): number {
  let fit = sentence.fits[type];
  if (fit === undefined) sentence.fits[type] = fit = FITS[type].test(type === 'person' || type === 'place' ? text : foldText(text)) ? 1 : 0;
  return fit;
}

/**
 * Each term's best match in the sentence: 1 for the same stem, else its highest word-vector cosine with a word of
 * the sentence (a term without a row, a name, matches only itself: vectors put neighbouring countries close together).
 */
function bestMatches(stemIds: number[], rows: Array<SimilarityRow | undefined>, sentence: PreparedSentence, out: Float64Array): Float64Array {
  const { ids } = sentence;
  for (let t = 0; t < stemIds.length; t += 1) {
    let best = 0;
    const row = rows[t];
    if (hasStemId(sentence, stemIds[t]!)) best = 1;
    else if (row) best = row.maxOver(ids);
    out[t] = best;
  }
  return out;
}

/** The question's terms read once per question: the focus terms after its other terms, each with its IDF and cosine row. */
function questionTerms(question: QuestionAnalysis, knowledge: RankingKnowledge) {
  const words = new Set(question.terms.map((t) => t.word));
  const all = [...question.terms, ...question.focus.filter((t) => !words.has(t.word))];
  const index = new Map(all.map((t, i) => [t.word, i]));
  const weights = all.map((t) => knowledge.idf(t.stem));
  const sum = (at: number[]) => at.reduce((total, i) => total + weights[i]!, 0);
  const termsAt = question.terms.map((_, i) => i);
  const focusAt = question.focus.map((t) => index.get(t.word)!);
  return {
    all, weights, termsAt, focusAt, termsTotal: sum(termsAt), focusTotal: sum(focusAt),
    // Stems as word ids, so a sentence is asked for them by number (candidates are prepared first, so theirs have ids).
    stemIds: all.map((t) => knownWordId(t.stem)),
    rows: all.map((t) => (knowledge.cosine && !t.name ? similarityRow(t.word, knowledge.cosine) : undefined)),
  };
}

/** Yadav et al.'s alignment score (each question term's best match, IDF-weighted), and the share of focus weight matched at cosine 0.6 or more. */
function alignmentAndFocus(terms: ReturnType<typeof questionTerms>, best: Float64Array): { alignment: number; focus: number } {
  let aligned = 0;
  for (const i of terms.termsAt) aligned += terms.weights[i]! * best[i]!;
  let covered = 0;
  for (const i of terms.focusAt) if (best[i]! >= 0.6) covered += terms.weights[i]!;
  return {
    alignment: terms.termsTotal ? aligned / terms.termsTotal : 0,
    focus: !terms.focusAt.length ? 1 : terms.focusTotal ? covered / terms.focusTotal : 1,
  };
}

// Per stem id, the newest posting of the current centrality call (a linked list through `next`), stamped with the
// call so nothing is cleared between calls; grown as word ids grow.
let stampOf = new Int32Array(1024);
let headOf = new Int32Array(1024);
let call = 0;

/**
 * Each candidate's highest cosine with a sentence of another article: whether its point recurs elsewhere.
 * Dot products are summed stem by stem over the candidates that share a stem, not pair by pair.
 */
function centrality(candidates: Candidate[]): number[] {
  const pairs = candidates[0]?.sentence.pairs;
  if (pairs && candidates.every((c) => c.sentence.pairs === pairs && c.sentence.serial >= 0)) return keptCentrality(candidates);
  const n = candidates.length;
  call = call === 0x7fffffff ? (stampOf.fill(0), 1) : call + 1;
  let total = 0;
  let maxId = 0;
  for (const c of candidates) {
    total += c.sentence.stemIds.length;
    if (c.sentence.stemIds.length) maxId = Math.max(maxId, c.sentence.stemIds[c.sentence.stemIds.length - 1]!);
  }
  if (maxId >= stampOf.length) {
    const size = Math.max(maxId + 1, stampOf.length * 2);
    const [stamps, heads] = [new Int32Array(size), new Int32Array(size)];
    stamps.set(stampOf);
    heads.set(headOf);
    [stampOf, headOf] = [stamps, heads];
  }
  const article = articleNumbers(candidates);
  const owner = new Int32Array(total);
  const value = new Float64Array(total);
  const next = new Int32Array(total);
  const dots = new Float64Array(n * n);
  let p = 0;
  for (let i = 0; i < n; i += 1) {
    const { stemIds, stemValues } = candidates[i]!.sentence;
    for (let s = 0; s < stemIds.length; s += 1) {
      const id = stemIds[s]!;
      const x = stemValues[s]!;
      const first = stampOf[id] === call ? headOf[id]! : -1;
      // Only pairs from different articles are summed; each pair's sum runs over its shared stems in id order.
      for (let q = first; q >= 0; q = next[q]!) {
        const j = owner[q]!;
        if (article[j] !== article[i]) dots[j * n + i] = dots[j * n + i]! + value[q]! * x;
      }
      owner[p] = i;
      value[p] = x;
      next[p] = first;
      headOf[id] = p;
      stampOf[id] = call;
      p += 1;
    }
  }
  return candidates.map((_, i) => {
    let best = 0;
    for (let j = 0; j < i; j += 1) best = Math.max(best, dots[j * n + i]!);
    for (let j = i + 1; j < n; j += 1) best = Math.max(best, dots[i * n + j]!);
    return best;
  });
}

/**
 * Each candidate's article as a small number (first seen, first numbered), so pair loops compare integers, not id
 * strings. A plain loop: Int32Array.from with a mapping function walks an iterator and cost more than the sums.
 */
function articleNumbers(candidates: Candidate[]): Int32Array {
  const numbers = new Map<string, number>();
  const article = new Int32Array(candidates.length);
  for (let i = 0; i < candidates.length; i += 1) {
    const id = candidates[i]!.item.docId;
    let number = numbers.get(id);
    if (number === undefined) numbers.set(id, (number = numbers.size));
    article[i] = number;
  }
  return article;
}

/** Centrality read from the index's table of pair cosines (the same sums, each computed once per index). */
function keptCentrality(candidates: Candidate[]): number[] {
  const n = candidates.length;
  const best = new Array<number>(n).fill(0);
  const doc = articleNumbers(candidates);
  for (let i = 0; i < n; i += 1) {
    const a = candidates[i]!;
    for (let j = i + 1; j < n; j += 1) {
      const b = candidates[j]!;
      if (doc[i] === doc[j]) continue;
      const dot = preparedCosine(a.sentence, b.sentence);
      if (dot > best[i]!) best[i] = dot;
      if (dot > best[j]!) best[j] = dot;
    }
  }
  return best;
}

// A word this close to the head noun in GloVe stands for it ("troops" for "soldiers").
const ANCHOR_COSINE = 0.7;

/** A candidate sentence for ranking: the evidence, what no question changes of it, and the relevance of the sentence before. */
export interface Candidate { item: Evidence; sentence: PreparedSentence; lead: number }

/**
 * The feature vector of each candidate sentence (FEATURE_NAMES order): relevance (retrieval score, lexical
 * and alignment shares, focus coverage), its passage's score and rank, centrality (the point recurs in
 * another article), whether it leans on the sentence before, length, the relevance of the sentence before,
 * whether it has the surface form the question's answer type wants, and (for a question read with its expected
 * answer) whether it holds a tagged token of that type, near what is asked about.
 */
export function sentenceFeatures(question: QuestionAnalysis, candidates: Candidate[], knowledge: RankingKnowledge): number[][] {
  const stems = new Set(question.terms.map((t) => t.stem));
  const terms = questionTerms(question, knowledge);
  const best = new Float64Array(terms.all.length);
  const central = centrality(candidates);
  const idfTotal = terms.termsTotal;
  const { expected } = question;
  // Only a factoid question read for a typed model has an expected answer, and only its candidates are tagged (cached by text).
  const tagger = expected && sentenceTagger();
  const anchorWords = expected?.head.length ? expected.head : question.focus;
  const anchorStems = new Set(anchorWords.map((t) => t.stem));
  const anchorRows = knowledge.cosine ? anchorWords.map((t) => similarityRow(t.word, knowledge.cosine!)) : [];
  const isAnchor = (token: { word: string; stem: string }) => anchorStems.has(token.stem) || anchorRows.some((row) => row.at(wordId(token.word)) >= ANCHOR_COSINE);
  // Each distinct stem's IDF read once per question, in the Set's order (the order the sums below add them in).
  const stemList = [...stems];
  const stemIdf = stemList.map((stem) => knowledge.idf(stem));
  const stemListIds = stemList.map(knownWordId);
  return candidates.map(({ item, sentence, lead }, index) => {
    let lexical = 0;
    for (let s = 0; s < stemList.length; s += 1) if (hasStemId(sentence, stemListIds[s]!)) lexical += stemIdf[s]!;
    const { alignment, focus } = alignmentAndFocus(terms, bestMatches(terms.stemIds, terms.rows, sentence, best));
    // Only the question's own answer type is tested (the others are 0).
    const fit = (type: FitType) => (question.type === type ? surfaceFit(sentence, type, item.text) : 0);
    const typed = tagger && typedFit(expected!, stems, isAnchor, tagger(item.text));
    // One literal of every column (the fits in FEATURE_NAMES' order), so the row is allocated once at its full length.
    return [
      item.score, idfTotal ? lexical / idfTotal : 0, alignment, focus,
      item.hitScore, 1 / (1 + item.hitRank), central[index]!, sentence.dependent, Math.log1p(sentence.words.length) / 3, lead,
      fit('reason'), fit('number'), fit('time'), fit('person'), fit('place'), fit('polar'),
      typed ? typed.typed : 0, typed ? typed.near : 0, typed ? typed.typed * focus : 0,
    ];
  });
}
