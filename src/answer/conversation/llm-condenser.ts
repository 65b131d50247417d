import type OpenAI from 'openai';
import { z } from 'zod';
import { fillTemplate, type Prompts } from '../generators/load-prompts.js';
import type { ChatMessage, SearchIntent } from './condense-conversation.js';

/** Rewrites a follow-up into a standalone question. */
export type Condenser = (messages: ChatMessage[], signal?: AbortSignal) => Promise<SearchIntent>;

/** LLM follow-up condensing (prompts/condense.md); callers fall back to the offline way if it fails. */
export function createLlmCondenser(client: OpenAI, model: string, prompts: Prompts, timeoutMs: number): Condenser {
  return async (messages, signal) => {
    const last = messages[messages.length - 1]!;
    const history = messages.slice(0, -1).map((m) => `${m.role}: ${m.content}`).join('\n');
    const reply = await client.chat.completions.create({
      model,
      temperature: 0,
      messages: [{ role: 'user', content: fillTemplate(prompts.condense, { history, question: last.content }) }],
    }, { signal, timeout: timeoutMs });
    const content = reply.choices?.[0]?.message?.content ?? '';
    const { question } = z.object({ question: z.string().min(1) }).parse(JSON.parse(content.replace(/^```(?:json)?\s*|\s*```$/g, '')));
    return { question: last.content, context: question };
  };
}
