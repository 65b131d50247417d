import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { DataFileError } from '../errors/wedge-error.js';

/** A question the articles do not answer; wedge should decline it. */
export const unanswerableSchema = z.object({ id: z.string(), split: z.enum(['dev', 'holdout', 'test']).default('dev'), question: z.string().min(1), kind: z.string().optional() });
const goldQuote = z.object({ docId: z.string(), quote: z.string().min(1) });
/** A question for steelman mode; both sides should be found, and gold stance sentences (when given) on their own side. */
export const steelmanQuestionSchema = z.object({ id: z.string(), question: z.string().min(1), split: z.enum(['dev', 'holdout', 'test']).default('dev'), pro: z.array(goldQuote).optional(), con: z.array(goldQuote).optional() });
/** A corpus sentence labelled with its stance on the corpus's default steelman proposition. */
export const stanceSchema = z.object({ sentence: z.string(), stance: z.enum(['pro', 'con', 'neutral']), split: z.enum(['dev', 'holdout', 'test']).default('dev') });

/** Reads a JSONL file line by line through a zod schema; a bad line is an error naming file and line. */
export async function readJsonl<T>(file: string, schema: z.ZodType<T>): Promise<T[]> {
  const text = await readFile(file, 'utf8').catch(() => { throw new DataFileError(`cannot read ${file}`); });
  const lines = text.split('\n');
  const rows: T[] = [];
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      throw new DataFileError(`${file}:${i + 1}: not valid JSON`);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new DataFileError(`${file}:${i + 1}: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || 'line'}: ${issue.message}`).join('; ')}`);
    rows.push(parsed.data);
  });
  return rows;
}
