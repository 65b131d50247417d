import { z } from 'zod';

/** Which use a bank corpus is for: fitting (train), choosing between methods (dev), or measuring once (test). */
export const bankSplitSchema = z.enum(['train', 'dev', 'test']);
/** A bank split. */
export type BankSplit = z.infer<typeof bankSplitSchema>;

/** The answer types the bank's questions are written to (Li & Roth-style coarse classes plus reasons and comparisons). */
export const BANK_QTYPES = ['why', 'how', 'number', 'date', 'person', 'organisation', 'place', 'definition', 'opinion', 'event', 'yesno', 'compare', 'multi-why'] as const;

const slug = z.string().regex(/^[a-z0-9][a-z0-9._-]*$/);

/** `evals/bank/<corpus>/corpus.json`: the corpus's speeches (paths under the data folder), its split and who wrote what. */
export const bankCorpusSchema = z.object({
  id: slug,
  title: z.string().min(1),
  split: bankSplitSchema,
  /** The round of corpora it was added in: a gate reads the corpora of the round it was set in, so adding corpora never moves it. */
  round: z.number().int().min(1).default(1),
  /** speeches: files under the shared data folder; written: articles written for the bank, kept in the corpus folder. */
  source: z.enum(['speeches', 'written']),
  documents: z.array(z.object({ docId: slug, file: z.string().min(1), title: z.string().min(1), author: z.string().min(1), date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) })).min(3).max(8),
  /** Two opposing theses for the stance sentences; `pro` labels argue the first. */
  debate: z.object({ pro: z.string().min(1), con: z.string().min(1) }).optional(),
  credits: z.record(z.string(), z.string()),
});
/** A bank corpus description. */
export type BankCorpusMeta = z.infer<typeof bankCorpusSchema>;

const goldQuote = z.object({ docId: z.string(), quote: z.string().min(1) });

/** An answerable bank question with every sentence that states its answer. */
export const bankQuestionSchema = z.object({ id: z.string(), qtype: z.enum(BANK_QTYPES), question: z.string().min(1), gold: z.array(goldQuote).min(1) });
/** A question the corpus does not answer: a near miss names what the texts mention and asks what they never state. */
export const bankUnanswerableSchema = z.object({ id: z.string(), kind: z.enum(['near-miss', 'off-topic']), qtype: z.enum(BANK_QTYPES).optional(), question: z.string().min(1) });
/** A corpus sentence and the side of the corpus's debate it argues (pro: the first thesis; con: the second). */
export const bankStanceSchema = z.object({ id: z.string(), docId: z.string(), sentence: z.string().min(1), stance: z.enum(['pro', 'con', 'neither']) });
/** A claim written over one source sentence: a faithful paraphrase, or a hard negative with one thing changed. */
export const bankSupportSchema = z.object({ id: z.string(), kind: z.string().min(1), statement: z.string().min(1), docId: z.string(), cited: z.string().min(1), supported: z.boolean() });
