import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { readArticleFile } from '../../corpus/read-article-file.js';
import { DataFileError } from '../../errors/wedge-error.js';
import { readJsonl } from '../question-sets.js';
import { bankCorpusSchema, bankQuestionSchema, bankStanceSchema, bankSupportSchema, bankUnanswerableSchema, type BankCorpusMeta } from './bank-schemas.js';
import { speechBody } from './speech-body.js';

/** One bank corpus, read: its description, its documents' texts and every item written over them. */
export interface BankCorpus {
  meta: BankCorpusMeta;
  docs: Array<{ id: string; title: string; author: string; date: string; body: string; kind?: string; publisher?: string }>;
  answerable: Array<z.infer<typeof bankQuestionSchema>>;
  unanswerable: Array<z.infer<typeof bankUnanswerableSchema>>;
  stance: Array<z.infer<typeof bankStanceSchema>>;
  support: Array<z.infer<typeof bankSupportSchema>>;
}

/** The bank, or why it cannot be read here (the data folder is not beside the project). */
export type Bank = { available: true; corpora: BankCorpus[] } | { available: false; note: string };

const optionalJsonl = async <T>(file: string, schema: z.ZodType<T>): Promise<T[]> => (existsSync(file) ? readJsonl(file, schema) : []);

/** Reads one corpus folder of the bank; a missing speech file or a malformed line is a DataFileError naming it. */
export async function readBankCorpus(dir: string, dataDir: string): Promise<BankCorpus> {
  const file = path.join(dir, 'corpus.json');
  const parsed = bankCorpusSchema.safeParse(JSON.parse(await readFile(file, 'utf8').catch(() => { throw new DataFileError(`cannot read ${file}`); })));
  if (!parsed.success) throw new DataFileError(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const meta = parsed.data;
  const docs = await Promise.all(meta.documents.map(async (d) => {
    if (meta.source === 'written') {
      const article = await readArticleFile(path.join(dir, d.file));
      return { id: d.docId, title: d.title, author: d.author, date: d.date, body: article.body, ...(article.meta.kind ? { kind: article.meta.kind } : {}), ...(article.meta.publisher ? { publisher: article.meta.publisher } : {}) };
    }
    const text = await readFile(path.join(dataDir, d.file), 'utf8').catch(() => { throw new DataFileError(`${file}: speech file ${d.file} not found under ${dataDir}`); });
    return { id: d.docId, title: d.title, author: d.author, date: d.date, body: speechBody(text).body };
  }));
  return {
    meta,
    docs,
    answerable: await optionalJsonl(path.join(dir, 'questions.jsonl'), bankQuestionSchema),
    unanswerable: await optionalJsonl(path.join(dir, 'unanswerable.jsonl'), bankUnanswerableSchema),
    stance: await optionalJsonl(path.join(dir, 'stance.jsonl'), bankStanceSchema),
    support: await optionalJsonl(path.join(dir, 'support.jsonl'), bankSupportSchema),
  };
}

/** Reads every corpus under `bankDir`; without the data folder the bank is reported unavailable, not an error. */
export async function readBank(bankDir: string, dataDir: string): Promise<Bank> {
  if (!existsSync(path.join(dataDir, 'speeches'))) return { available: false, note: `question bank skipped: no speeches under ${dataDir} (the shared data folder is not beside this checkout)` };
  if (!existsSync(bankDir)) return { available: false, note: `question bank skipped: ${bankDir} not found` };
  const entries = (await readdir(bankDir, { withFileTypes: true })).filter((e) => e.isDirectory() && existsSync(path.join(bankDir, e.name, 'corpus.json')));
  const corpora = await Promise.all(entries.map((e) => readBankCorpus(path.join(bankDir, e.name), dataDir)));
  return { available: true, corpora: corpora.sort((a, b) => a.meta.id.localeCompare(b.meta.id)) };
}
