import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { DataFileError } from '../../errors/wedge-error.js';
import { questionOutcomeSchema, type QuestionOutcome } from '../question-outcome.js';

// What comparing needs from a saved `wedge eval --json`: its metrics by label and its questions' outcomes.
const savedRunSchema = z.object({
  gates: z.array(z.object({ label: z.string(), value: z.number() })),
  outcomes: z.array(questionOutcomeSchema).default([]),
});

/** A saved run: its metrics and, when it recorded them, every question's outcome. */
export interface BaselineRun { gates: Array<{ label: string; value: number }>; outcomes: QuestionOutcome[] }

/** Reads a run saved with `wedge eval --json > base.json`; a missing or malformed file is a data error naming it. */
export async function readBaselineRun(file: string): Promise<BaselineRun> {
  const text = await readFile(file, 'utf8').catch(() => { throw new DataFileError(`cannot read baseline run ${file}`); });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new DataFileError(`${file}: not JSON; save a run with wedge eval --json > ${file}`);
  }
  const parsed = savedRunSchema.safeParse(json);
  if (!parsed.success) throw new DataFileError(`${file}: not a saved wedge eval run (${parsed.error.issues.map((i) => `${i.path.join('.') || 'file'}: ${i.message}`).slice(0, 3).join('; ')})`);
  return parsed.data;
}
