import { z } from 'zod';

/** Front matter of a corpus article: only what the article itself states; unknown fields are left out. */
export const articleMetaSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/i, 'id must be letters, digits, ".", "_" or "-"'),
  title: z.string().min(1),
  publisher: z.string().min(1).optional(),
  author: z.string().min(1).optional(),
  date: z.union([z.string(), z.date().transform((d) => d.toISOString().slice(0, 10))]).optional(),
  url: z.string().url().optional(),
  /** What sort of text it is, in the author's words (opinion, news, analysis, essay, report…); shown beside the publisher. */
  kind: z.string().trim().min(1).max(40).optional(),
  notes: z.string().optional(),
  source_file: z.string().optional(),
});

/** Article metadata after validation. */
export type ArticleMeta = z.infer<typeof articleMetaSchema>;

/** One article: its metadata and its body exactly as written; all offsets point into `body`. */
export interface Article {
  meta: ArticleMeta;
  body: string;
  /** Path of the file it came from. */
  file: string;
}
