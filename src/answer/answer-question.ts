import { randomUUID } from 'node:crypto';
import { classifyBlocks } from '../corpus/classify-blocks.js';
import { createWordSimilarity, type WordSimilarity } from '../embeddings/create-word-similarity.js';
import type { GloveVectors } from '../embeddings/glove-vectors.js';
import type { Retriever } from '../retrieval/create-retriever.js';
import type { Hit } from '../retrieval/hit.js';
import type { AnswerMode, AnswerResult } from './answer-result.js';
import { assessCoverage, buildVocabulary, type CorpusVocabulary } from './assess-coverage.js';
import { condenseConversation, type ChatMessage } from './conversation/condense-conversation.js';
import type { Condenser } from './conversation/llm-condenser.js';
import { collectEvidence, type DocLookup } from './evidence.js';
import type { AnswerGenerator, Draft, SideRequest } from './generators/answer-generator.js';
import { evidenceStrength } from './generators/pick-evidence.js';
import { namedSources } from './named-sources.js';
import { deriveSides, stripSteelmanPrefix } from './steelman/derive-sides.js';

/** Calibrated on evals/answers.jsonl (see BENCHMARKS.md): below these the articles do not answer the question. */
export const ABSTAIN_DEFAULTS = { minTermCoverage: 0.55, minEvidenceStrength: 0.3 };

const STEELMAN_POOL = 24;
// A question that matches one article's title fills every place with that article; let two more articles speak.
const OTHER_ARTICLES = 2;

/** What answering needs from outside; tests pass fakes for any of them. */
export interface AnswerDeps {
  retriever: Retriever;
  generator: AnswerGenerator;
  /** Used when the generator fails (LLM down, invalid output): the answer is then marked degraded. */
  fallback?: AnswerGenerator;
  clock?: () => number;
  newId?: () => string;
  abstain?: typeof ABSTAIN_DEFAULTS;
  /** Rewrites follow-ups into standalone questions (LLM); the offline carry-forward is used without it or when it fails. */
  condense?: Condenser;
  /** Word vectors for synonym-aware coverage ("frontier" is covered by "border"); exact words only without them. */
  wordVectors?: GloveVectors;
}

/** One question in a conversation. */
export interface AnswerRequest {
  messages: ChatMessage[];
  mode: AnswerMode;
  k?: number;
  signal?: AbortSignal;
  /** Called as soon as retrieval is done, before generation (for streaming). */
  onRetrieved?: (hits: Hit[]) => void | Promise<void>;
}

const vocabularies = new WeakMap<object, { vocabulary: CorpusVocabulary; similarity?: WordSimilarity; rarity?: (word: string) => number }>();

/** The corpus vocabulary (and synonym lookup) of an index, built on first use and kept while the index lives. */
function vocabularyOf(retriever: Retriever, vectors?: GloveVectors) {
  let entry = vocabularies.get(retriever.index);
  if (!entry) {
    // Photo captions and site chrome are not what the articles speak to: "having tea" in a caption does not cover green tea.
    const texts = [...retriever.index.docs.values()].flatMap(({ meta, body }) => [
      ...classifyBlocks({ meta, body, file: '' }).filter((block) => block.kind === 'text' || block.kind === 'heading').map((block) => body.slice(block.start, block.end)),
      meta.title, meta.author ?? '', meta.publisher ?? '',
    ]);
    const vocabulary = buildVocabulary(texts);
    // GloVe's rows are in frequency order, so a word's row is its rarity; a word it lacks is rarer than any.
    entry = { vocabulary, similarity: vectors && createWordSimilarity(vectors, vocabulary.words), rarity: vectors && ((word) => vectors.rank(word) ?? vectors.size) };
    vocabularies.set(retriever.index, entry);
  }
  return entry;
}

/** Builds the per-index vocabulary and synonym lookup now, so the first question does not pay for them. */
export function warmUp(deps: AnswerDeps): void {
  vocabularyOf(deps.retriever, deps.wordVectors);
}

function abstention(reason: string): Draft {
  return { answer: `The articles don't cover this. ${reason}`.trim(), citations: [], abstained: true, generator: 'none' };
}

/**
 * Answers the last user message of a conversation: condenses follow-ups, retrieves, checks the
 * corpus covers the question at all, then has the generator write a cited answer (falling back
 * to the offline answerer, marked degraded, if it fails).
 */
export async function answerQuestion(deps: AnswerDeps, request: AnswerRequest): Promise<AnswerResult> {
  const clock = deps.clock ?? (() => performance.now());
  const thresholds = deps.abstain ?? ABSTAIN_DEFAULTS;
  const started = clock();
  const { retriever } = deps;
  const docs: DocLookup = (docId) => retriever.index.docs.get(docId);
  const hasHistory = request.messages.filter((m) => m.role === 'user').length > 1;
  const intent = hasHistory && deps.condense
    ? await deps.condense(request.messages, request.signal).catch(() => condenseConversation(request.messages))
    : condenseConversation(request.messages);
  const k = request.k ?? 8;
  const question = request.mode === 'steelman' ? stripSteelmanPrefix(intent.question) : intent.question;
  const hits = await retriever.search(question, { k, context: intent.context, otherArticles: OTHER_ARTICLES });
  let sides: SideRequest[] | undefined;
  if (request.mode === 'steelman') {
    const specs = deriveSides(intent.question, retriever.index.manifest.settings);
    // A wide net per side: support counts should reflect the corpus, not just the top few passages.
    const perSide = Math.max(k, STEELMAN_POOL);
    sides = await Promise.all(specs.map(async (spec) => ({ ...spec, hits: await retriever.search(`${question} ${spec.thesis}`, { k: perSide, context: intent.context }) })));
  }
  await request.onRetrieved?.(hits);
  const retrievedAt = clock();
  request.signal?.throwIfAborted();

  const { vocabulary, similarity, rarity } = vocabularyOf(retriever, deps.wordVectors);
  const coverage = assessCoverage(`${question} ${intent.context}`, vocabulary, retriever.idf, { similarity, rarity });
  const strongest = Math.max(0, ...collectEvidence(hits, docs).map(evidenceStrength));
  let draft: Draft;
  if (coverage.missingNames.length) {
    draft = abstention(`None of them mentions ${coverage.missingNames.map((name) => `“${name}”`).join(' or ')}.`);
  } else if ((coverage.termCoverage < thresholds.minTermCoverage && coverage.coreTerms === 0) || strongest < thresholds.minEvidenceStrength) {
    // Low coverage alone is not enough when the question names the corpus's own central topic.
    draft = abstention('No passage is close enough to the question to quote as an answer.');
  } else if (coverage.coreTerms === 0 && coverage.focus && !coverage.focus.covered) {
    // Off the corpus's topic and silent on the question's own subject: a stretch, not an answer.
    draft = abstention(`None of them speaks to “${coverage.focus.word}”.`);
  } else {
    const input = { question, mode: request.mode, hits, sides, docs, namedSources: namedSources(question, retriever.index.docs), history: request.messages.slice(0, -1), signal: request.signal, idf: retriever.idf };
    try {
      draft = await deps.generator.generate(input);
    } catch (error) {
      if (!deps.fallback || request.signal?.aborted) throw error;
      draft = { ...await deps.fallback.generate(input), degraded: true, degradedReason: `${deps.generator.name} generator failed: ${(error as Error).message}` };
    }
  }
  const finished = clock();
  return {
    id: deps.newId?.() ?? `ans_${randomUUID()}`,
    mode: request.mode,
    question: intent.question,
    ...draft,
    timings: {
      retrievalMs: Number((retrievedAt - started).toFixed(2)),
      generationMs: Number((finished - retrievedAt).toFixed(2)),
      totalMs: Number((finished - started).toFixed(2)),
    },
  };
}
