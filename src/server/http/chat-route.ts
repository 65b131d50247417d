import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import { answerQuestion, answersNeedSignal, type AnswerDeps } from '../../answer/answer-question.js';
import type { AnswerResult } from '../../answer/answer-result.js';
import { createComposeTurns } from './compose-turns.js';
import { toErrorBody } from './error-response.js';
import { readJson } from './read-json.js';
import { chatRequestSchema, type ChatRequest } from './request-schemas.js';

/** Splits answer text into line pieces for `delta` events; joined, they are the text exactly. */
export function answerPieces(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

function wantsStream(c: Context, body: ChatRequest): boolean {
  return body.stream ?? (c.req.header('accept') ?? '').includes('text/event-stream');
}

/** POST /api/chat: a cited answer as JSON, or as Server-Sent Events (citations, delta, done, error). */
export function chatRoute(getDeps: () => AnswerDeps, onResult: (result: AnswerResult) => void = () => {}, composeTurn: () => Promise<void> = createComposeTurns()) {
  return async (c: Context) => {
    const body = await readJson(c, chatRequestSchema);
    const deps = getDeps();
    if (!wantsStream(c, body)) {
      const signal = answersNeedSignal(deps) ? c.req.raw.signal : undefined;
      const result = await answerQuestion(deps, { messages: body.messages, mode: body.mode, k: body.k, signal });
      onResult(result);
      return c.json(result);
    }
    // Aborting this controller stops retrieval and any LLM call when the client goes away.
    const controller = new AbortController();
    c.req.raw.signal.addEventListener('abort', () => controller.abort(), { once: true });
    return streamSSE(c, async (stream) => {
      stream.onAbort(() => controller.abort());
      const result: AnswerResult = await answerQuestion(deps, {
        messages: body.messages,
        mode: body.mode,
        k: body.k,
        signal: controller.signal,
        onRetrieved: async (hits) => {
          await stream.writeSSE({ event: 'citations', data: JSON.stringify({ stage: 'retrieved', passages: hits.map(({ docId, title, chunkId, start, end, score }) => ({ docId, title, chunkId, start, end, score })) }) });
          // Composing waits for this answer's own turn of the event loop, so this first event reaches the socket now,
          // and requests arriving meanwhile send theirs before the answers queued ahead are composed.
          await composeTurn();
        },
      });
      onResult(result);
      await stream.writeSSE({ event: 'citations', data: JSON.stringify({ stage: 'final', citations: result.citations }) });
      for (const piece of answerPieces(result.answer)) {
        if (stream.aborted) return;
        await stream.writeSSE({ event: 'delta', data: JSON.stringify({ text: piece }) });
      }
      await stream.writeSSE({ event: 'done', data: JSON.stringify(result) });
    }, async (error, stream) => {
      // Hono's streamSSE then sends `event: error` with the message; send the JSON shape first for clients.
      await stream.writeSSE({ event: 'error', data: JSON.stringify(toErrorBody(error).body) });
    });
  };
}
