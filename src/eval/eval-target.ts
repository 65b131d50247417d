import { answerQuestion, type AnswerDeps } from '../answer/answer-question.js';
import type { AnswerMode, AnswerResult } from '../answer/answer-result.js';
import type { ChatMessage } from '../answer/conversation/condense-conversation.js';
import type { Hit } from '../retrieval/hit.js';

/** What an evaluation runs against: wedge in this process, or a wedge server at a URL. */
export interface EvalTarget {
  name: string;
  ask(messages: ChatMessage[], mode: AnswerMode): Promise<AnswerResult>;
  search(query: string, k: number): Promise<Hit[]>;
  docs(): Promise<ReadonlyMap<string, { body: string }>>;
}

/** Evaluates the pipeline in process. */
export function inProcessTarget(deps: AnswerDeps): EvalTarget {
  return {
    name: `in-process (${deps.generator.name})`,
    ask: (messages, mode) => answerQuestion(deps, { messages, mode }),
    search: (query, k) => deps.retriever.search(query, { k }),
    docs: async () => deps.retriever.index.docs,
  };
}

/** Evaluates a running wedge server over HTTP (the same endpoints the chat page uses). */
export function httpTarget(baseUrl: string, fetchImpl: typeof fetch = fetch): EvalTarget {
  const url = (path: string) => new URL(path, baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`).toString();
  const call = async <T>(path: string, body?: unknown): Promise<T> => {
    const response = await fetchImpl(url(path), body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (!response.ok) throw new Error(`${path} answered HTTP ${response.status}: ${(await response.text()).slice(0, 200)}`);
    return response.json() as Promise<T>;
  };
  return {
    name: baseUrl,
    ask: (messages, mode) => call<AnswerResult>('api/chat', { messages, mode }),
    search: async (query, k) => (await call<{ hits: Hit[] }>('api/search', { query, k })).hits,
    docs: async () => {
      const { documents } = await call<{ documents: Array<{ id: string }> }>('api/documents');
      const docs = new Map<string, { body: string }>();
      for (const doc of documents) docs.set(doc.id, { body: (await call<{ text: string }>(`api/documents/${encodeURIComponent(doc.id)}`)).text });
      return docs;
    },
  };
}
