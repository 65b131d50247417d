import { z } from 'zod';

/** Most characters in one message, and most messages in one conversation. */
export const LIMITS = { messageChars: 4000, messages: 50, chatK: 20, searchK: 100 };

/** One chat turn as the API takes it. */
export const chatMessageSchema = z.object({
  role: z.enum(['user', 'assistant']),
  content: z.string().max(LIMITS.messageChars, `a message may have at most ${LIMITS.messageChars} characters`),
});

/** POST /api/chat body. */
export const chatRequestSchema = z.object({
  messages: z.array(chatMessageSchema).min(1).max(LIMITS.messages),
  mode: z.enum(['answer', 'steelman']).default('answer'),
  k: z.number().int().min(1).max(LIMITS.chatK).optional(),
  stream: z.boolean().optional(),
}).refine((body) => body.messages[body.messages.length - 1]?.role === 'user', { message: 'the last message must be from the user', path: ['messages'] })
  .refine((body) => (body.messages[body.messages.length - 1]?.content.trim().length ?? 0) > 0, { message: 'the question is empty', path: ['messages'] });

/** POST /api/search body. */
export const searchRequestSchema = z.object({
  query: z.string().trim().min(1, 'the query is empty').max(LIMITS.messageChars),
  k: z.number().int().min(1).max(LIMITS.searchK).optional(),
});

const contentPart = z.object({ type: z.string(), text: z.string().optional() }).passthrough();

/** POST /v1/chat/completions body (the parts wedge uses; other OpenAI fields are accepted and ignored). */
export const openaiChatRequestSchema = z.object({
  model: z.string().min(1),
  messages: z.array(z.object({
    role: z.enum(['system', 'developer', 'user', 'assistant', 'tool', 'function']),
    content: z.union([z.string(), z.array(contentPart), z.null()]).optional(),
  }).passthrough()).min(1).max(LIMITS.messages),
  stream: z.boolean().optional(),
}).passthrough();

/** Chat request after validation. */
export type ChatRequest = z.infer<typeof chatRequestSchema>;
