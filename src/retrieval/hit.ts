import { z } from 'zod';

/** A sentence of a hit with its relevance to the query (0–1), offsets into the article body. */
export const scoredSentenceSchema = z.object({ start: z.number().int(), end: z.number().int(), score: z.number() });

/** One retrieved passage, as `wedge search --json` prints it. */
export const hitSchema = z.object({
  docId: z.string(),
  title: z.string(),
  chunkId: z.string(),
  text: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  score: z.number(),
  role: z.enum(['body', 'caption']),
  sentences: z.array(scoredSentenceSchema),
});

/** A retrieved passage. */
export type Hit = z.infer<typeof hitSchema>;
/** A scored sentence of a hit. */
export type ScoredSentence = z.infer<typeof scoredSentenceSchema>;
