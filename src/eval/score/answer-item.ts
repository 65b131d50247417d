import { z } from 'zod';

/** One answer to score, from wedge or any other system: text with [n] markers and the quotes they point to. */
export const answerItemSchema = z.object({
  id: z.string().min(1),
  question: z.string().optional(),
  answer: z.string(),
  citations: z.array(z.object({
    n: z.number().int(),
    quote: z.string(),
    docId: z.string().optional(),
    start: z.number().int().min(0).optional(),
    end: z.number().int().min(0).optional(),
  })).default([]),
  /** The passages the system retrieved, when known (RAGAS faithfulness); default: the cited quotes. */
  contexts: z.array(z.string()).optional(),
});

/** An answer to score. */
export type AnswerItem = z.infer<typeof answerItemSchema>;

/** One statement of an answer and its verdict. */
export interface ScoredStatement { text: string; citations: number[]; supported: boolean; score: number; reason: string; level?: 'supported' | 'partial' | 'unsupported' }

/** Per-item scores; every rate is 0–1. */
export interface ScoredItem {
  id: string;
  question?: string;
  /** How the question came out in an evaluation run (pass, no gold cited…), when it was one. */
  outcome?: 'pass' | 'no-gold-cited' | 'declined-answerable' | 'answered-unanswerable' | 'side-mismatch';
  citationValidity: number;
  citationRecall: number;
  citationPrecision: number;
  faithfulness: number;
  statements: ScoredStatement[];
  citations: Array<{ n: number; valid: boolean; docId?: string; start?: number; end?: number; quote: string; reason?: string }>;
}
