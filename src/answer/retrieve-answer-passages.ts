import type { Retriever } from '../retrieval/create-retriever.js';
import type { Hit } from '../retrieval/hit.js';

/** What a question is answered from: the passages its quotes are drawn from, and those whether to answer is read from. */
export interface AnswerPassages {
  /** Body passages, then any photo captions retrieved for the question. */
  hits: Hit[];
  /** The body passages alone, when captions joined them: the retrieval the answerability model was fitted on. */
  decisionHits?: Hit[];
}

/**
 * Retrieves for one question. A photo caption states facts (who is pictured, where, when) but argues nothing, so a
 * plain answer may quote one and a steelman never does. Captions join the body passages, and whether to answer
 * is still read from the body passages alone.
 */
export async function retrieveAnswerPassages(retriever: Retriever, question: string, options: { k: number; context: string; otherArticles: number; captions: boolean }): Promise<AnswerPassages> {
  const body = await retriever.search(question, { k: options.k, context: options.context, otherArticles: options.otherArticles });
  if (!options.captions) return { hits: body };
  const captions = (await retriever.search(question, { k: options.k, context: options.context, includeCaptions: true })).filter((hit) => hit.role === 'caption');
  return captions.length ? { hits: [...body, ...captions], decisionHits: body } : { hits: body };
}
