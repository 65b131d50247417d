import path from 'node:path';
import { z } from 'zod';
import { scoreSupport } from '../src/answer/citations/score-support.js';
import { classifyStance } from '../src/answer/steelman/classify-stance.js';
import { readCorpusSettings } from '../src/corpus/corpus-settings.js';
import { createWordCosine } from '../src/embeddings/create-word-similarity.js';
import { loadGloveVectors } from '../src/embeddings/glove-vectors.js';
import { loadConfig } from '../src/config/load-config.js';
import { createLlmJudgeFromConfig } from '../src/eval/judge/llm-judge.js';
import { judgeAccuracy, readSupportDataset } from '../src/eval/judge/support-dataset.js';
import { readJsonl } from '../src/eval/question-sets.js';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const fmt = (n: number) => n.toFixed(3);

/** Measures the offline support judge on evals/support.jsonl and the stance cues on evals/stance.jsonl. */
async function main(): Promise<void> {
  const pairs = await readSupportDataset(path.join(root, 'evals/support.jsonl'));
  const similarity = createWordCosine(await loadGloveVectors(path.join(root, 'indexes/.cache')));
  console.log(`support judge on evals/support.jsonl (${pairs.length} pairs) — ${new Date().toISOString().slice(0, 10)}`);
  console.log('judge                               split   n    accuracy precision recall  wrong');
  const judges: Array<[string, (p: (typeof pairs)[number]) => boolean]> = [
    ['offline (threshold 0.65)', (p) => scoreSupport(p.statement, p.cited).level === 'supported'],
    ['offline + GloVe alignment', (p) => scoreSupport(p.statement, p.cited, { cosine: similarity }).level === 'supported'],
  ];
  const config = loadConfig(process.env);
  if (config.openaiApiKey || config.openaiBaseUrl) {
    // With a model configured, the LLM judge is measured on the same splits (one call per pair).
    const judge = await createLlmJudgeFromConfig(config);
    const verdicts = new Map<string, boolean>();
    for (const pair of pairs) verdicts.set(pair.id, (await judge(pair.statement, pair.cited)).supported);
    judges.push([`llm (${config.openaiModel})`, (p) => verdicts.get(p.id)!]);
  }
  for (const [name, verdict] of judges) {
    for (const split of ['dev', 'test', 'holdout'] as const) {
      const r = judgeAccuracy(pairs.filter((p) => p.split === split), verdict);
      console.log(`${name.padEnd(36)}${split.padEnd(8)}${String(r.n).padEnd(5)}${fmt(r.accuracy).padEnd(9)}${fmt(r.precision).padEnd(10)}${fmt(r.recall).padEnd(8)}${split === 'holdout' ? '(not listed: looking would make it a dev split)' : r.wrong.join(' ')}`);
    }
  }
  const cues = (await readCorpusSettings(path.join(root, 'corpus'))).steelman?.cues;
  const rows = await readJsonl(path.join(root, 'evals/stance.jsonl'), z.object({ sentence: z.string(), stance: z.enum(['pro', 'con', 'neutral']) }));
  const confusion: Record<string, number> = {};
  let correct = 0;
  let polar = 0;
  let polarCorrect = 0;
  for (const row of rows) {
    const said = classifyStance(row.sentence, cues).stance;
    confusion[`${row.stance}→${said}`] = (confusion[`${row.stance}→${said}`] ?? 0) + 1;
    if (said === row.stance) correct += 1;
    if (row.stance !== 'neutral') { polar += 1; if (said === row.stance) polarCorrect += 1; }
  }
  console.log(`\nstance cues on evals/stance.jsonl (${rows.length} sentences): accuracy ${fmt(correct / rows.length)}, on pro/con sentences ${fmt(polarCorrect / polar)}`);
  console.log(`confusion (label→said): ${Object.entries(confusion).sort().map(([k, v]) => `${k} ${v}`).join(', ')}`);
}

await main();
