import { randomUUID } from 'node:crypto';
import type { GloveVectors } from '../embeddings/glove-vectors.js';
import type { Retriever } from '../retrieval/create-retriever.js';
import type { Hit } from '../retrieval/hit.js';
import { answerCacheKey, type AnswerCache } from './answer-cache.js';
import type { AnswerMode, AnswerResult } from './answer-result.js';
import { assessQuestion, corpusKnowledge, modelsReadTypes, type AssessmentModels } from './assess-question.js';
import { judgeKnowledge } from './citations/judge-knowledge.js';
import { condenseConversation, type ChatMessage } from './conversation/condense-conversation.js';
import type { Condenser } from './conversation/llm-condenser.js';
import { declineReason } from './decline-reason.js';
import { sourceName, toCitations, type DocLookup } from './evidence.js';
import type { AnswerGenerator, Draft, SideRequest } from './generators/answer-generator.js';
import { namedSources } from './named-sources.js';
import { retrieveAnswerPassages } from './retrieve-answer-passages.js';
import { deriveSides, stripSteelmanPrefix } from './steelman/derive-sides.js';
import { sentenceTagger } from './typing/sentence-tagger.js';

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
  /** Rewrites follow-ups into standalone questions (LLM); the offline carry-forward is used without it or when it fails. */
  condense?: Condenser;
  /** Word vectors for synonym-aware coverage ("frontier" is covered by "border"); exact words only without them. */
  wordVectors?: GloveVectors;
  /** Answers already given (answer-cache.ts); every question is answered afresh without it. */
  answerCache?: AnswerCache;
  /** The sentence ranker and answerability model (assess-question.ts); the fitted ones in ranker-weights.ts without it. */
  models?: AssessmentModels;
}

/** One question in a conversation. */
export interface AnswerRequest {
  messages: ChatMessage[];
  mode: AnswerMode;
  k?: number;
  /** Aborts cancellable work (an LLM call) when the client goes away; routes leave it out where answersNeedSignal says so. */
  signal?: AbortSignal;
  /** Called as soon as retrieval is done, before generation (for streaming). */
  onRetrieved?: (hits: Hit[]) => void | Promise<void>;
}

/**
 * Whether answering with these deps can use a request's AbortSignal (an LLM call or condensing). Routes make one only
 * then: a web Request's signal is an AbortController and listeners per request, and under load the offline answer's
 * young-generation survivors fell from 61 KB to 23 KB a collection without it (BENCHMARKS.md, serving round 5).
 */
export function answersNeedSignal(deps: AnswerDeps): boolean {
  return deps.condense !== undefined || deps.generator.usesSignal !== false;
}

/** Builds the per-index vocabulary and synonym lookup (and loads the tagger, for models that read types) now, so the first question does not pay for them. */
export function warmUp(deps: AnswerDeps): void {
  corpusKnowledge(deps.retriever, deps.wordVectors);
  if (modelsReadTypes(deps.models)) sentenceTagger();
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
  const started = clock();
  const { retriever } = deps;
  const k = request.k ?? 8;
  const cacheKey = deps.answerCache && answerCacheKey({ buildId: retriever.index.manifest.buildId, generator: deps.generator.name, mode: request.mode, k, messages: request.messages });
  const cached = cacheKey ? deps.answerCache!.get(cacheKey) : undefined;
  if (cached) {
    await request.onRetrieved?.(cached.hits);
    const totalMs = Number((clock() - started).toFixed(2));
    return { ...cached.result, id: deps.newId?.() ?? `ans_${randomUUID()}`, cached: true, timings: { retrievalMs: 0, generationMs: 0, totalMs } };
  }
  const docs: DocLookup = (docId) => retriever.index.docs.get(docId);
  const hasHistory = request.messages.filter((m) => m.role === 'user').length > 1;
  const intent = hasHistory && deps.condense
    ? await deps.condense(request.messages, request.signal).catch(() => condenseConversation(request.messages))
    : condenseConversation(request.messages);
  const question = request.mode === 'steelman' ? stripSteelmanPrefix(intent.question) : intent.question;
  const { hits, decisionHits } = await retrieveAnswerPassages(retriever, question, { k, context: intent.context, otherArticles: OTHER_ARTICLES, mode: request.mode });
  let sides: SideRequest[] | undefined;
  if (request.mode === 'steelman') {
    const specs = await deriveSides(intent.question, retriever.index.manifest.settings);
    // A wide net per side: support counts should reflect the corpus, not just the top few passages.
    const perSide = Math.max(k, STEELMAN_POOL);
    sides = await Promise.all(specs.map(async (spec) => ({ ...spec, hits: await retriever.search(`${question} ${spec.thesis}`, { k: perSide, context: intent.context }) })));
  }
  await request.onRetrieved?.(hits);
  const retrievedAt = clock();
  request.signal?.throwIfAborted();

  const named = namedSources(question, retriever.index.docs);
  const assessment = assessQuestion({ question, context: intent.context, hits, docs, retriever, vectors: deps.wordVectors, namedSources: named, ...(decisionHits ? { decisionHits } : {}) }, deps.models);
  let draft: Draft;
  if (assessment.coverage.missingNames.length) {
    draft = abstention(`None of them mentions ${assessment.coverage.missingNames.map((name) => `“${name}”`).join(' or ')}.`);
  } else if (assessment.answerability < assessment.cutoff) {
    // No top sentence states what is asked, and the corpus says little of it: a stretch, not an answer. Where they
    // name what the question names, the closest sentence is quoted, so the reader sees what they do say.
    const { reason, closest } = declineReason(question, assessment.analysis, assessment.ranked);
    draft = abstention(reason);
    if (closest) {
      const [citation] = toCitations([{ ...closest.item, score: closest.probability }], docs);
      draft = { ...draft, answer: `${draft.answer} The closest they come: “${citation!.quote.replace(/\s*\n\s*/g, ' ')}” — ${sourceName(docs(citation!.docId)!.meta)}${citation!.caption ? ' (photo caption)' : ''} [1]`, citations: [citation!] };
    }
  } else {
    const input = { question, mode: request.mode, hits, sides, docs, namedSources: named, history: request.messages.slice(0, -1), signal: request.signal, idf: retriever.idf, cosine: judgeKnowledge(deps.wordVectors).cosine, analysis: assessment.analysis, ranked: assessment.ranked, stanceCues: retriever.index.manifest.settings?.steelman?.cues };
    try {
      draft = await deps.generator.generate(input);
    } catch (error) {
      if (!deps.fallback || request.signal?.aborted) throw error;
      draft = { ...await deps.fallback.generate(input), degraded: true, degradedReason: `${deps.generator.name} generator failed: ${(error as Error).message}` };
    }
  }
  const finished = clock();
  const result: AnswerResult = {
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
  // A degraded answer (the LLM failed) is not kept: the next asking should get the real one.
  if (cacheKey && !draft.degraded) deps.answerCache!.put(cacheKey, { result, hits });
  return result;
}
