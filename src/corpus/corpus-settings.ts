import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { CorpusFileError } from '../errors/wedge-error.js';

/** A side of the corpus's debate, for "steelman each side" when a question names none. */
export const sideSettingSchema = z.object({ label: z.string().min(1), thesis: z.string().min(1) });

const cuePattern = z.string().min(1).refine((source) => { try { new RegExp(source); return true; } catch { return false; } }, 'not a valid regular expression');

/** Optional `wedge.yaml` in the corpus folder: settings that belong to a corpus, not to the code. */
export const corpusSettingsSchema = z.object({
  steelman: z.object({
    sides: z.tuple([sideSettingSchema, sideSettingSchema]).optional(),
    /** The debate's own stance cues, added to the classifier's general ones: regular expressions over lower-cased text. */
    cues: z.object({ pro: z.array(cuePattern).default([]), con: z.array(cuePattern).default([]) }).optional(),
  }).optional(),
});

/** Corpus settings. */
export type CorpusSettings = z.infer<typeof corpusSettingsSchema>;

/** The settings file's name inside a corpus folder. */
export const SETTINGS_FILE = 'wedge.yaml';

/** Reads `wedge.yaml` from a corpus folder; a missing file means no settings, a bad one is an error naming it. */
export async function readCorpusSettings(dir: string): Promise<CorpusSettings> {
  const file = path.join(dir, SETTINGS_FILE);
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) return {};
  try {
    return corpusSettingsSchema.parse(parse(text) ?? {});
  } catch (error) {
    throw new CorpusFileError(file, `bad settings: ${(error as Error).message.split('\n')[0]}`);
  }
}
