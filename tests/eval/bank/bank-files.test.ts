import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBankCorpus } from '../../../src/eval/bank/check-bank.js';
import { readBank } from '../../../src/eval/bank/read-bank.js';

const dataDir = path.resolve('../shared/data');
const hasData = existsSync(path.join(dataDir, 'speeches'));
if (!hasData) console.log(`question bank files not checked: no speeches under ${dataDir}`);

describe.skipIf(!hasData)('the committed question bank (evals/bank) against the shared speeches', () => {
  it('has every gold quote, stance sentence and cited sentence verbatim in its document, and no id twice', async () => {
    const bank = await readBank(path.resolve('evals/bank'), dataDir);
    if (!bank.available) throw new Error(bank.note);
    expect(bank.corpora.length).toBeGreaterThanOrEqual(20);
    expect(bank.corpora.flatMap(checkBankCorpus)).toEqual([]);
  });

  it('keeps each split to its corpora: at least a third of them test, each with answerable and unanswerable questions', async () => {
    const bank = await readBank(path.resolve('evals/bank'), dataDir);
    if (!bank.available) throw new Error(bank.note);
    const withQuestions = bank.corpora.filter((c) => c.answerable.length);
    expect(withQuestions.filter((c) => c.meta.split === 'test').length * 3).toBeGreaterThanOrEqual(withQuestions.length);
    for (const corpus of withQuestions) expect(corpus.unanswerable.length, corpus.meta.id).toBeGreaterThan(0);
  });
});
