import { z } from 'zod';

/** Chunker settings; recorded in the index manifest so a change of settings makes the index stale. */
export const chunkerSettingsSchema = z.object({
  minWords: z.number().int().positive().default(80),
  maxWords: z.number().int().positive().default(200),
  maxChars: z.number().int().positive().default(1200),
  overlapSentences: z.number().int().min(0).default(1),
});

/** Chunker settings after defaults. */
export type ChunkerSettings = z.infer<typeof chunkerSettingsSchema>;

/** Default chunker settings: ~80–200 words, one sentence of overlap, never over 1,200 characters. */
export const DEFAULT_CHUNKER: ChunkerSettings = chunkerSettingsSchema.parse({});

/** A sentence of a chunk, as offsets into the article body. */
export const sentenceSpanSchema = z.object({ start: z.number().int(), end: z.number().int() });

/** A passage of an article: `body.slice(start, end) === text`, with its sentences' offsets. */
export const chunkSchema = z.object({
  id: z.string(),
  docId: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  text: z.string(),
  /** "caption" chunks are photo captions: searchable, but answers can skip them. */
  role: z.enum(['body', 'caption']),
  section: z.string().optional(),
  sentences: z.array(sentenceSpanSchema),
});

/** A passage of an article with offsets. */
export type Chunk = z.infer<typeof chunkSchema>;
