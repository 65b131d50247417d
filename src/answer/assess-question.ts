import { articleWords } from '../corpus/article-words.js';
import { createWordSimilarity, type WordSimilarity } from '../embeddings/create-word-similarity.js';
import type { GloveVectors } from '../embeddings/glove-vectors.js';
import type { Retriever } from '../retrieval/create-retriever.js';
import type { Hit } from '../retrieval/hit.js';
import { assessCoverage, vocabularyOf, type Coverage, type CorpusVocabulary } from './assess-coverage.js';
import { judgeKnowledge } from './citations/judge-knowledge.js';
import { collectEvidence, type DocLookup, type Evidence } from './evidence.js';
import { answerability, answerabilityFeatures, boostedAnswerability, boostedInputs, TYPED_QUESTION_FEATURES } from './ranking/answerability.js';
import type { BoostedAnswerability } from './ranking/answerability-model.js';
import { analyseQuestion, type QuestionAnalysis } from './ranking/question-analysis.js';
import { rankSentences, rerank, type RankedSentence, type RankerWeights } from './ranking/rank-sentences.js';
import { TYPED_FEATURES } from './ranking/sentence-features.js';
import { ANSWERABILITY_WEIGHTS, RANKER_WEIGHTS } from './ranking/ranker-weights.js';
import { bestAnswerScore } from './ranking/answer-score.js';
import type { MeaningModel } from '../meaning/meaning-model.js';
import { definesTarget, definitionTarget } from './typing/definition-target.js';

/** What the corpus knows as a whole: its vocabulary, a nearest-corpus-word lookup, and a word's rarity in English. */
export interface CorpusKnowledge { vocabulary: CorpusVocabulary; similarity?: WordSimilarity; rarity?: (word: string) => number }

const built = new WeakMap<object, CorpusKnowledge>();

/** The corpus vocabulary (and synonym lookup) of an index, built on first use and kept while the index lives. */
export function corpusKnowledge(retriever: Retriever, vectors?: GloveVectors): CorpusKnowledge {
  let entry = built.get(retriever.index);
  if (!entry) {
    // The local store keeps the words it was built with; another store's are gathered from its articles once.
    const vocabulary = vocabularyOf(retriever.index.vocabulary?.() ?? [...retriever.index.docs.values()].flatMap((doc) => [...articleWords(doc)]));
    // GloVe's rows are in frequency order, so a word's row is its rarity; a word it lacks is rarer than any.
    entry = { vocabulary, similarity: vectors && createWordSimilarity(vectors, vocabulary.words), rarity: vectors && ((word) => vectors.rank(word) ?? vectors.size) };
    built.set(retriever.index, entry);
  }
  return entry;
}

/** A question weighed against the corpus before any answer is written. */
export interface QuestionAssessment {
  analysis: QuestionAnalysis;
  coverage: Coverage;
  /** Candidate sentences of the retrieved passages, most likely answer first. */
  ranked: RankedSentence[];
  /** Probability that the articles answer it (the fitted answerability model), and the cut-off below which wedge declines. */
  answerability: number;
  cutoff: number;
  /** The answerability model's inputs (answerability.ts), for fitting it. */
  features: number[];
}

/**
 * The sentences a question is answered from: those of its retrieved passages (a caption's too, when a caption was
 * retrieved for it), only its named source's when it names one that was retrieved.
 */
export function candidateEvidence(hits: Hit[], docs: DocLookup, namedSources: string[]): Evidence[] {
  const evidence = collectEvidence(hits, docs, { captions: true });
  const named = new Set(namedSources);
  return evidence.some((item) => named.has(item.docId)) ? evidence.filter((item) => named.has(item.docId)) : evidence;
}

/** The fitted models a question is weighed with; the fitting script passes its own while it fits. */
export interface AssessmentModels {
  ranker: RankerWeights;
  answerability: AnswerabilityWeights;
  /** The answer model (models/answer-v2.bin): read only by an answerability model that names 'answer-score'. */
  answer?: MeaningModel;
}

/** The answerability model and the cut-off below which a question is declined: logistic (ranker-weights.ts) or boosted trees (answerability-model.ts). */
export type AnswerabilityWeights = LogisticAnswerability | BoostedAnswerability;

/**
 * A logistic answerability model (the fit before the boosted one) with its cut-off, and the ranker whose order and
 * probabilities its features were fitted on, when that is not the answer ranker in use.
 */
export type LogisticAnswerability = RankerWeights & { cutoff: number; ranker?: RankerWeights };

const IN_USE: AssessmentModels = { ranker: RANKER_WEIGHTS, answerability: ANSWERABILITY_WEIGHTS };

// A model's feature names never change once it is built, so what it reads is worked out once per model, not per question.
const readsKnown = new WeakMap<object, Map<readonly string[], boolean>>();
const reads = (weights: { features: readonly string[] }, names: readonly string[]) => {
  let known = readsKnown.get(weights);
  if (!known) readsKnown.set(weights, (known = new Map()));
  let read = known.get(names);
  if (read === undefined) known.set(names, (read = weights.features.some((name) => names.includes(name.replace(/^max:/, '')))));
  return read;
};

const ANSWER_SCORE = ['answer-score'] as const;
/** Whether the answerability model reads the answer model's score (and so needs it loaded). */
export const decisionReadsAnswerScore = (decision: AnswerabilityWeights) => reads(decision, ANSWER_SCORE);

/** Whether the models read a question's tagged answer type: only then is it read and are its candidates tagged. */
export const modelsReadTypes = (models: Partial<AssessmentModels> = IN_USE) => {
  const decision = models.answerability;
  return Boolean((models.ranker && reads(models.ranker, TYPED_FEATURES))
    || (decision && (reads(decision, TYPED_QUESTION_FEATURES) || reads(decision, TYPED_FEATURES) || Boolean(decision.ranker && reads(decision.ranker, TYPED_FEATURES)))));
};

/**
 * Reads the question, ranks the sentences of its retrieved passages, and estimates whether the articles
 * answer it at all: from its best sentences (do they state what is asked?) and from what the corpus covers
 * of its words. A question naming its source ranks only that source's sentences, when it was retrieved.
 */
export function assessQuestion(
  input: {
    question: string; context: string; hits: Hit[]; docs: DocLookup; retriever: Retriever; vectors?: GloveVectors; namedSources: string[];
    /** The passages the decision reads, when they are not the answer's (the retrieval it was fitted on). */
    decisionHits?: Hit[];
  },
  models: AssessmentModels = IN_USE,
): QuestionAssessment {
  const { retriever } = input;
  const { vocabulary, similarity, rarity } = corpusKnowledge(retriever, input.vectors);
  const coverage = assessCoverage(`${input.question} ${input.context}`, vocabulary, retriever.idf, { similarity, rarity });
  const analysis = analyseQuestion(input.question, { typed: modelsReadTypes(models) });
  const evidence = candidateEvidence(input.hits, input.docs, input.namedSources);
  const knowledge = { idf: retriever.idf, cosine: judgeKnowledge(input.vectors).cosine };
  const ranked = rankSentences(analysis, evidence, knowledge, models.ranker);
  const decision = models.answerability;
  // Either decision model reads the top sentences in the order of the ranker it was fitted with; the answer quotes
  // in the answer ranker's. So a refitted answer ranker changes what is quoted, not what is declined.
  const boosted = 'kind' in decision ? decision : undefined;
  const decisionRanker = boosted ? boosted.ranker : decision.ranker;
  const decisionRanked = input.decisionHits
    ? rankSentences(analysis, candidateEvidence(input.decisionHits, input.docs, input.namedSources), knowledge, decisionRanker ?? models.ranker)
    : decisionRanker ? rerank(ranked, decisionRanker) : ranked;
  const answerModel = models.answer && decisionReadsAnswerScore(decision) ? models.answer : undefined;
  const answerScore = answerModel && ((top: RankedSentence[]) => bestAnswerScore(answerModel, input.question, top, input.docs));
  const features = answerabilityFeatures(analysis, decisionRanked, { ...knowledge, unseenIdf: retriever.idf('\u0000never-a-term'), ...(answerScore ? { answerScore } : {}) }, { ...coverage, nearest: similarity });
  const probability = boosted ? boostedAnswerability(boostedInputs(features, decisionRanked), boosted) : answerability(features, decision as LogisticAnswerability);
  // A definition question is answered by a sentence that says what its term is, whatever the model makes of the
  // words around it: such sentences lead, in the ranker's order, and the question counts as answerable.
  const target = definitionTarget(input.question);
  const defines = (list: RankedSentence[]) => new Set(target ? list.filter((candidate) => definesTarget(candidate.item.text, target)) : []);
  const defining = defines(ranked);
  const ordered = defining.size ? [...defining, ...ranked.filter((candidate) => !defining.has(candidate))] : ranked;
  // Whether to answer is the decision's alone: read from its own candidates (the answer's, unless it has passages of its own).
  const decidedDefined = input.decisionHits ? defines(decisionRanked).size : defining.size;
  const score = !decisionRanked.length ? 0 : decidedDefined ? Math.max(probability, decision.cutoff) : probability;
  return { analysis, coverage, ranked: ordered, features, answerability: score, cutoff: decision.cutoff };
}
