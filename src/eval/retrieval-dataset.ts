import { z } from 'zod';
import { readJsonl } from './question-sets.js';

/** One retrieval question with the verbatim quotes that answer it. */
export const retrievalQuestionSchema = z.object({
  id: z.string(),
  question: z.string().min(1),
  /** dev: looked at while tuning; holdout / test: written before a round of tuning and only scored after it. */
  split: z.enum(['dev', 'holdout', 'test']).default('dev'),
  /** lexical: shares words with the text; paraphrase: few shared words; attribution: names an author or outlet. */
  type: z.enum(['lexical', 'paraphrase', 'attribution']).optional(),
  /** What kind of answer the question asks for (why, howmany, who, when, where, said, yesno, compare, what, how). */
  qtype: z.string().optional(),
  gold: z.array(z.object({ docId: z.string(), quote: z.string().min(1) })).min(1),
});

/** A retrieval question. */
export type RetrievalQuestion = z.infer<typeof retrievalQuestionSchema>;
/** A retrieval question as written (split may be left out: dev). */
export type RetrievalQuestionInput = z.input<typeof retrievalQuestionSchema>;

/** Reads a JSONL file of retrieval questions; a bad line is an error naming its line number. */
export function readRetrievalDataset(file: string): Promise<RetrievalQuestion[]> {
  return readJsonl(file, retrievalQuestionSchema);
}
