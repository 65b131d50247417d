import { z } from 'zod';
import { chunkerSettingsSchema } from '../chunking/chunk.js';
import { corpusSettingsSchema } from '../corpus/corpus-settings.js';

/** Bumped when the on-disk layout changes, so old indexes are rebuilt instead of misread. */
export const INDEX_FORMAT = 4;

/** The index manifest: what was indexed, how, and when. */
export const manifestSchema = z.object({
  format: z.literal(INDEX_FORMAT),
  buildId: z.string(),
  createdAt: z.string(),
  corpusHash: z.string(),
  chunker: chunkerSettingsSchema,
  embedder: z.object({ id: z.string(), dimensions: z.number().int().positive(), state: z.record(z.string(), z.unknown()).optional() }),
  counts: z.object({ docs: z.number().int(), chunks: z.number().int(), sentences: z.number().int() }),
  docs: z.array(z.object({ id: z.string(), title: z.string(), hash: z.string(), file: z.string() })),
  buildMs: z.number(),
  /** The corpus's wedge.yaml, carried with the index so a server needs no corpus folder. */
  settings: corpusSettingsSchema.default({}),
});

/** Parsed index manifest. */
export type Manifest = z.infer<typeof manifestSchema>;

/** Which embedder kind built an index: what a command uses when none is asked for (glove without an index). */
export function embedderKindOf(manifest: Manifest | undefined): 'glove' | 'openai' {
  return manifest?.embedder.id.startsWith('openai/') ? 'openai' : 'glove';
}
