import type { Retriever } from '../retrieval/create-retriever.js';
import type { Hit } from '../retrieval/hit.js';
import type { AnswerMode } from './answer-result.js';
import { answerType } from './ranking/question-analysis.js';

/** What a question is answered from: the passages its quotes are drawn from, and those whether to answer is read from. */
export interface AnswerPassages {
  /** Body passages, then any photo captions retrieved for the question. */
  hits: Hit[];
  /** The body passages alone, when captions joined them: the retrieval the answerability model was fitted on. */
  decisionHits?: Hit[];
}

/**
 * Retrieves for one question. A photo caption states facts (who is pictured, where, when) but argues nothing, so a
 * plain answer to a factual question may quote one, and a steelman or a why-question never does. Captions join
 * the body passages, and whether to answer is still read from the body passages alone.
 */
export async function retrieveAnswerPassages(retriever: Retriever, question: string, options: { k: number; context: string; otherArticles: number; mode: AnswerMode }): Promise<AnswerPassages> {
  const captions = options.mode === 'answer' && answerType(question) !== 'reason';
  const hits = await retriever.search(question, { k: options.k, context: options.context, otherArticles: options.otherArticles, withCaptions: captions });
  const body = hits.filter((hit) => hit.role === 'body');
  return body.length < hits.length ? { hits, decisionHits: body } : { hits };
}
