import { appendFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

/** One 👍/👎 from Slack, as a line of the feedback JSONL file that evaluation scripts read. */
export const feedbackEntrySchema = z.object({
  at: z.string(),
  vote: z.enum(['up', 'down']),
  answerId: z.string(),
  question: z.string(),
  mode: z.enum(['answer', 'steelman']),
  user: z.string().optional(),
  channel: z.string().optional(),
});

/** A feedback entry. */
export type FeedbackEntry = z.infer<typeof feedbackEntrySchema>;

/** Appends feedback entries to a JSONL file, creating its folder; one line per vote, never rewritten. */
export function createFeedbackRecorder(file: string): (entry: FeedbackEntry) => Promise<void> {
  return async (entry) => {
    await mkdir(path.dirname(file), { recursive: true });
    await appendFile(file, `${JSON.stringify(feedbackEntrySchema.parse(entry))}\n`);
  };
}
