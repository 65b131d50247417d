import { entityAliases } from '../../text/entity-aliases.js';
import { evidenceStrength } from '../evidence.js';
import type { QuestionAnalysis } from './question-analysis.js';
import { boostedProbability, type BoostedTrees } from './boosted-trees.js';
import { columnsOf, predict, type RankedSentence, type RankerWeights } from './rank-sentences.js';
import { FEATURE_NAMES, type RankingKnowledge } from './sentence-features.js';

/** The question-level features read from tagged tokens ('typed-answer' is the older surface-pattern check, not one of them). */
export const TYPED_QUESTION_FEATURES = ['expected-type', 'typed-near', 'typed-near-focus', 'typed-focus-names'] as const;

/** Names of the question-level features, in the order of the vectors and of the fitted weights. */
export const ANSWERABILITY_FEATURES = ['best-probability', 'focus-exact', 'focus-aligned', 'focus-in-corpus', 'focus-near-corpus', 'names-together', 'typed-answer', 'no-focus', 'term-coverage', 'on-topic', 'rare-word-covered', 'off-topic-uncovered', 'off-topic-rare-missing', 'strongest-passage', 'factual', 'factual-focus-aligned', 'factual-focus-in-corpus', ...TYPED_QUESTION_FEATURES, 'answer-score'] as const;

/** What the corpus as a whole says about the question's words (assess-coverage.ts), besides its best sentences. */
export interface CorpusCoverage {
  termCoverage: number;
  coreTerms: number;
  focus?: { covered: boolean };
  /** Cosine of a word to its nearest corpus word (1 when the corpus has it). */
  nearest?: (word: string) => number;
}

/** How many of the top-ranked sentences the decision looks at. */
export const ANSWER_WINDOW = 5;

const FIT_COLUMNS: Record<string, number> = Object.fromEntries(FEATURE_NAMES.map((name, i) => [name, i]));
const TYPED_NEAR = FEATURE_NAMES.indexOf('typed-near');
const TYPED_FOCUS = FEATURE_NAMES.indexOf('typed-focus');

/**
 * Question-level evidence that the articles answer it, from its best-ranked sentences: how likely the best is
 * an answer; how much of the question's focus (what is asked, names aside) one sentence states, exactly and
 * through word vectors; how much of the focus the corpus knows at all; whether one sentence holds the
 * question's names together; for number, date, person and place questions, whether a sentence on the
 * focus has that form; and what the corpus as a whole covers of the question (its words, its topic, its
 * rarest word).
 */
export function answerabilityFeatures(question: QuestionAnalysis, ranked: RankedSentence[], knowledge: RankingKnowledge & { unseenIdf: number; answerScore?: (top: RankedSentence[]) => number }, corpus: CorpusCoverage): number[] {
  const top = ranked.slice(0, ANSWER_WINDOW);
  const focusExact = (s: RankedSentence) => {
    if (!question.focus.length) return 1;
    const { stems } = s.sentence;
    return question.focus.filter((t) => stems.has(t.stem)).length / question.focus.length;
  };
  const near = question.focus.length && corpus.nearest ? question.focus.reduce((s, t) => s + corpus.nearest!(t.word), 0) / question.focus.length : 1;
  const inCorpus = question.focus.length ? question.focus.filter((t) => knowledge.idf(t.stem) < knowledge.unseenIdf - 1e-9).length / question.focus.length : 1;
  const names = question.terms.filter((t) => t.name);
  const together = (s: RankedSentence) => {
    if (!names.length) return 1;
    const { stems } = s.sentence;
    return names.filter((t) => stems.has(t.stem) || entityAliases(t.stem).some((alias) => stems.has(alias))).length / names.length;
  };
  const onTopic = corpus.coreTerms > 0 ? 1 : 0;
  const factual = question.type === 'reason' || question.type === 'polar' ? 0 : 1;
  const rareCovered = corpus.focus && !corpus.focus.covered ? 0 : 1;
  const fitColumn = FIT_COLUMNS[`fit:${question.type}`];
  const typed = fitColumn === undefined || question.type === 'reason' || question.type === 'polar' ? 1 : Math.max(0, ...top.map((s) => (s.features[fitColumn]! > 0 ? s.focus : 0)));
  return [
    Math.max(0, ...top.map((s) => s.probability)),
    Math.max(0, ...top.map(focusExact)),
    Math.max(0, ...top.map((s) => s.focus)),
    inCorpus,
    near,
    Math.max(0, ...top.map(together)),
    typed,
    question.focus.length ? 0 : 1,
    corpus.termCoverage,
    onTopic,
    rareCovered,
    // Off the corpus's topic and little of it covered, or silent on its rarest word: the two together say more than either.
    (1 - onTopic) * (1 - corpus.termCoverage),
    (1 - onTopic) * (1 - rareCovered),
    Math.max(0, ...ranked.map((s) => evidenceStrength(s.item))),
    // A factual question (what, how many, when, who, where) is answered only by a sentence that states what it asks; a why or yes-no question can be answered in other words.
    factual,
    factual * Math.max(0, ...top.map((s) => s.focus)),
    factual * inCorpus,
    // A factoid question's tagged answer type: does a top sentence hold a token of that kind next to what is asked about?
    question.expected ? 1 : 0,
    Math.max(0, ...top.map((s) => s.features[TYPED_NEAR]!)),
    Math.max(0, ...top.map((s) => s.features[TYPED_NEAR]! * s.focus)),
    // One sentence holding all three: a token of the asked kind, the focus, and the question's names.
    Math.max(0, ...top.map((s) => s.features[TYPED_FOCUS]! * together(s))),
    // The answer model's reading of the top windows (answer-score.ts): 0 where no model that reads it is loaded.
    knowledge.answerScore ? knowledge.answerScore(top) : 0,
  ];
}

/** What a boosted answerability model may read: the question-level features, then each sentence feature's largest value among the candidates. */
export const BOOSTED_INPUTS = [...ANSWERABILITY_FEATURES, ...FEATURE_NAMES.map((name) => `max:${name}`)] as const;

/** The inputs BOOSTED_INPUTS names, in its order: a threshold on a candidate's feature is something a max-pooled top five cannot say. */
export function boostedInputs(features: number[], ranked: RankedSentence[]): number[] {
  const maxima = new Array<number>(FEATURE_NAMES.length).fill(ranked.length ? -Infinity : 0);
  for (const { features: f } of ranked) for (let j = 0; j < maxima.length; j += 1) if (f[j]! > maxima[j]!) maxima[j] = f[j]!;
  return [...features, ...maxima];
}

const boostedColumns = new WeakMap<BoostedTrees, number[]>();

/** Probability that the articles answer the question, from a boosted model over boostedInputs' vector. */
export function boostedAnswerability(inputs: number[], model: BoostedTrees): number {
  let at = boostedColumns.get(model);
  if (!at) {
    at = model.features.map((name) => (BOOSTED_INPUTS as readonly string[]).indexOf(name));
    const unknown = model.features.filter((_, i) => at![i]! < 0);
    if (unknown.length) throw new Error(`the answerability model names features this version does not compute (${unknown.join(', ')}): run npm run fit:ranker -- --boosted`);
    boostedColumns.set(model, at);
  }
  return boostedProbability(model, at.map((column) => inputs[column]!));
}

/** Probability that the articles answer the question, from the fitted answerability model. */
export function answerability(features: number[], weights: RankerWeights): number {
  return predict(features, weights, columnsOf(weights, ANSWERABILITY_FEATURES));
}
