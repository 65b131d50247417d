import { z } from 'zod';

/** How one question came out: passed, or which kind of miss. */
export const outcomeKinds = ['pass', 'no-gold-cited', 'declined-answerable', 'answered-unanswerable', 'side-mismatch'] as const;

/** One question's outcome in a run, with what was expected and what was cited, so a reader sees why it missed. */
export const questionOutcomeSchema = z.object({
  /** Unique within a run: the suite's prefix ("v2:", "corpus2:") and the question's id. */
  id: z.string(),
  split: z.string(),
  question: z.string(),
  kind: z.enum(outcomeKinds),
  /** Why it counts as a miss, in words; empty for a pass. */
  why: z.string(),
  declined: z.boolean(),
  gold: z.array(z.object({ docId: z.string(), quote: z.string() })),
  cited: z.array(z.object({ n: z.number(), docId: z.string(), quote: z.string() })),
});

/** A question's outcome. */
export type QuestionOutcome = z.infer<typeof questionOutcomeSchema>;
