import { BoundedCache } from '../indexing/bounded-cache.js';
import type { Hit } from '../retrieval/hit.js';
import type { AnswerMode, AnswerResult } from './answer-result.js';
import type { ChatMessage } from './conversation/condense-conversation.js';

/** A finished answer and the passages it was retrieved from (replayed to a streaming client as its first event). */
export interface CachedAnswer { result: AnswerResult; hits: Hit[] }

/** Answers already given, by index build, generator, mode, k and the conversation; bounded, least recently used first out. */
export interface AnswerCache { get(key: string): CachedAnswer | undefined; put(key: string, value: CachedAnswer): void }

/** What makes two requests the same question: the build answered from, the generator, mode, k, and each message with its whitespace collapsed. */
export function answerCacheKey(parts: { buildId: string; generator: string; mode: AnswerMode; k: number; messages: ChatMessage[] }): string {
  const messages = parts.messages.map((m) => [m.role, m.content.trim().replace(/\s+/g, ' ')]);
  return JSON.stringify([parts.buildId, parts.generator, parts.mode, parts.k, messages]);
}

/** An answer cache of at most `entries` answers. */
export function createAnswerCache(entries: number): AnswerCache {
  const cache = new BoundedCache<string, CachedAnswer>(entries, () => 1);
  return { get: (key) => cache.peek(key), put: (key, value) => cache.put(key, value) };
}
