import { z } from 'zod';

/** How well a claim is backed by the sentences it cites. */
export const supportLevelSchema = z.enum(['supported', 'partial', 'unsupported']);

/** One citation: a verbatim run of sentences of an article, with where it is. */
export const citationSchema = z.object({
  n: z.number().int().positive(),
  docId: z.string(),
  title: z.string(),
  publisher: z.string().optional(),
  /** What sort of text the article is (opinion, news, essay…), from its front matter. */
  kind: z.string().optional(),
  author: z.string().optional(),
  date: z.string().optional(),
  url: z.string().optional(),
  chunkId: z.string(),
  /** Always `body.slice(start, end)`; never text a model wrote. */
  quote: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  score: z.number(),
  support: supportLevelSchema.optional(),
  /** The quote is a photo caption's (who is pictured, where, when), not the article's running text. */
  caption: z.literal(true).optional(),
});

/** One side of a steelman answer. */
export const sideSchema = z.object({
  label: z.string(),
  thesis: z.string(),
  /** Distinct passages backing this side. */
  supportCount: z.number().int(),
  /** Each point cites its lead sentence first, then the sentences of other articles that make the same point (`articles` of them in all). */
  points: z.array(z.object({ text: z.string(), citations: z.array(z.number().int()), articles: z.number().int().optional(), concession: z.boolean().optional() })),
});

/** The answer to one question, as /api/chat returns it. */
export const answerResultSchema = z.object({
  id: z.string(),
  mode: z.enum(['answer', 'steelman']),
  question: z.string(),
  /** Markdown; every `[n]` refers to citations[].n. */
  answer: z.string(),
  citations: z.array(citationSchema),
  sides: z.array(sideSchema).optional(),
  abstained: z.boolean(),
  generator: z.string(),
  degraded: z.boolean().optional(),
  degradedReason: z.string().optional(),
  /** Served from the answer cache: the same build, generator, mode and conversation were answered before. */
  cached: z.boolean().optional(),
  timings: z.object({ retrievalMs: z.number(), generationMs: z.number(), totalMs: z.number() }),
});

/** A citation. */
export type Citation = z.infer<typeof citationSchema>;
/** A steelman side. */
export type Side = z.infer<typeof sideSchema>;
/** A full answer. */
export type AnswerResult = z.infer<typeof answerResultSchema>;
/** Answer or steelman. */
export type AnswerMode = AnswerResult['mode'];
