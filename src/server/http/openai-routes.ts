import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import { answerQuestion, answersNeedSignal, type AnswerDeps } from '../../answer/answer-question.js';
import type { AnswerResult } from '../../answer/answer-result.js';
import type { ChatMessage } from '../../answer/conversation/condense-conversation.js';
import { InvalidRequestError } from '../../errors/wedge-error.js';
import { answerPieces } from './chat-route.js';
import { readJson } from './read-json.js';
import { LIMITS, openaiChatRequestSchema } from './request-schemas.js';

/** Model names wedge offers through the OpenAI-compatible API. */
export const MODELS = { answer: 'wedge', steelman: 'wedge-steelman' } as const;

/** The answer with a "Sources" list appended, for clients that only show message text. */
export function withSources(result: AnswerResult): string {
  if (!result.citations.length) return result.answer;
  const sources = result.citations.map((c) => {
    const who = [c.author, c.publisher, c.kind, c.caption ? 'photo caption' : undefined].filter(Boolean).join(', ');
    return `[${c.n}] ${c.title}${who ? ` (${who})` : ''}: “${c.quote.replace(/\s*\n\s*/g, ' ')}”`;
  });
  return `${result.answer}\n\nSources:\n${sources.join('\n')}`;
}

function toMessages(raw: Array<{ role: string; content?: unknown }>): ChatMessage[] {
  const text = (content: unknown) => (typeof content === 'string' ? content
    : Array.isArray(content) ? content.map((part: { type?: string; text?: string }) => (part.type === 'text' ? part.text ?? '' : '')).join('\n') : '');
  // System prompts from chat front ends are not questions; wedge's own rules apply.
  const messages = raw.filter((m) => m.role === 'user' || m.role === 'assistant')
    .map((m) => ({ role: m.role as ChatMessage['role'], content: text(m.content) }));
  const last = messages[messages.length - 1];
  if (!last || last.role !== 'user' || !last.content.trim()) throw new InvalidRequestError('The last message must be a non-empty user message.');
  if (messages.some((m) => m.content.length > LIMITS.messageChars)) throw new InvalidRequestError(`A message may have at most ${LIMITS.messageChars} characters.`);
  return messages;
}

/** POST /v1/chat/completions and GET /v1/models: wedge as a model for any OpenAI client or chat front end. */
export function openaiRoutes(getDeps: () => AnswerDeps, now: () => Date, onResult: (result: AnswerResult) => void = () => {}): Hono {
  const app = new Hono();
  const created = () => Math.floor(now().getTime() / 1000);
  app.get('/models', (c) => c.json({
    object: 'list',
    data: Object.values(MODELS).map((id) => ({ id, object: 'model', created: created(), owned_by: 'wedge' })),
  }));
  app.post('/chat/completions', async (c: Context) => {
    const body = await readJson(c, openaiChatRequestSchema);
    if (!(Object.values(MODELS) as string[]).includes(body.model)) {
      throw new InvalidRequestError(`Unknown model "${body.model}". Use "${MODELS.answer}" or "${MODELS.steelman}" (GET /v1/models).`);
    }
    const mode = body.model === MODELS.steelman ? 'steelman' : 'answer';
    const messages = toMessages(body.messages);
    const id = `chatcmpl-${randomUUID()}`;
    if (!body.stream) {
      const deps = getDeps();
      const result = await answerQuestion(deps, { messages, mode, signal: answersNeedSignal(deps) ? c.req.raw.signal : undefined });
      onResult(result);
      return c.json({
        id, object: 'chat.completion', created: created(), model: body.model,
        choices: [{ index: 0, message: { role: 'assistant', content: withSources(result) }, finish_reason: 'stop', logprobs: null }],
        usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
        citations: result.citations,
        wedge: { abstained: result.abstained, generator: result.generator, sides: result.sides, degraded: result.degraded },
      });
    }
    const controller = new AbortController();
    c.req.raw.signal.addEventListener('abort', () => controller.abort(), { once: true });
    return streamSSE(c, async (stream) => {
      stream.onAbort(() => controller.abort());
      const chunk = (delta: Record<string, unknown>, finish: string | null, extra: Record<string, unknown> = {}) => stream.writeSSE({
        data: JSON.stringify({ id, object: 'chat.completion.chunk', created: created(), model: body.model, choices: [{ index: 0, delta, finish_reason: finish, logprobs: null }], ...extra }),
      });
      await chunk({ role: 'assistant', content: '' }, null);
      const result = await answerQuestion(getDeps(), { messages, mode, signal: controller.signal });
      onResult(result);
      for (const piece of answerPieces(withSources(result))) {
        if (stream.aborted) return;
        await chunk({ content: piece }, null);
      }
      await chunk({}, 'stop', { citations: result.citations });
      await stream.writeSSE({ data: '[DONE]' });
    }, async (error, stream) => {
      await stream.writeSSE({ data: JSON.stringify({ error: { message: error.message, type: 'server_error' } }) });
    });
  });
  return app;
}
