import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Retriever } from '../../../src/retrieval/create-retriever.js';
import { defaultRetriever, postgresRetriever } from '../../helpers/default-index.js';

const questions = readFileSync('evals/retrieval.jsonl', 'utf8').trim().split('\n').map((line) => (JSON.parse(line) as { question: string }).question);
let local: Retriever;
let postgres: Awaited<ReturnType<typeof postgresRetriever>>;

beforeAll(async () => {
  local = await defaultRetriever();
  postgres = await postgresRetriever();
}, 120_000);
afterAll(() => postgres?.stop());

describe('the Postgres store against the local store', () => {
  it.each(['bm25', 'dense', 'hybrid'] as const)('ranks every eval question\'s top 10 passages alike in %s mode', async (mode) => {
    for (const question of questions) {
      const [a, b] = await Promise.all([local.search(question, { k: 10, mode }), postgres.retriever.search(question, { k: 10, mode })]);
      expect(b.map((h) => h.chunkId), question).toEqual(a.map((h) => h.chunkId));
    }
  }, 60_000);
});
