import { readFile } from 'node:fs/promises';
import { z } from 'zod';

/** One retrieval question with the verbatim quotes that answer it. */
export const retrievalQuestionSchema = z.object({
  id: z.string(),
  question: z.string().min(1),
  /** lexical: shares words with the text; paraphrase: few shared words; attribution: names an author or outlet. */
  type: z.enum(['lexical', 'paraphrase', 'attribution']),
  gold: z.array(z.object({ docId: z.string(), quote: z.string().min(1) })).min(1),
});

/** A retrieval question. */
export type RetrievalQuestion = z.infer<typeof retrievalQuestionSchema>;

/** Reads a JSONL file of retrieval questions; a bad line is an error naming its line number. */
export async function readRetrievalDataset(file: string): Promise<RetrievalQuestion[]> {
  const lines = (await readFile(file, 'utf8')).split('\n');
  const questions: RetrievalQuestion[] = [];
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    const parsed = retrievalQuestionSchema.safeParse(JSON.parse(line));
    if (!parsed.success) throw new Error(`${file}:${i + 1}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
    questions.push(parsed.data);
  });
  return questions;
}
