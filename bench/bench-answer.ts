import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { answerQuestion, warmUp, type AnswerDeps } from '../src/answer/answer-question.js';
import { createAnswerDeps } from '../src/answer/create-answer-deps.js';
import type { AnswerMode } from '../src/answer/answer-result.js';
import { resolvePaths } from '../src/cli/resolve-paths.js';
import { loadConfig } from '../src/config/load-config.js';
import { prepareIndex } from '../src/indexing/prepare-index.js';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const rounds = Number(process.argv[2] ?? 3);
// The bench:server questions, and every question of the default corpus's sets, each asked once a round.
const benchQuestions = ["Why won't Trump's bid to split Russia from China work?", 'What does China fear?', 'What does history say about Nixon and Kissinger?', 'What would make the split work?'];
const sets = ['answers-v2.jsonl', 'unanswerable-v2.jsonl', 'unanswerable.jsonl', 'retrieval.jsonl', 'steelman-v2.jsonl'];
const distinct = [...new Set(sets.flatMap((file) => readFileSync(path.join(root, 'evals', file), 'utf8').split('\n').filter(Boolean).map((line) => (JSON.parse(line) as { question?: string }).question).filter((q): q is string => !!q)))];

/** Milliseconds per answer over `count` answers of the questions in turn, and its retrieval part. */
async function perAnswer(deps: AnswerDeps, questions: string[], count: number, mode: AnswerMode): Promise<{ total: number; retrieval: number }> {
  let retrieval = 0;
  const started = performance.now();
  for (let i = 0; i < count; i += 1) retrieval += (await answerQuestion(deps, { messages: [{ role: 'user', content: questions[i % questions.length]! }], mode })).timings.retrievalMs;
  return { total: (performance.now() - started) / count, retrieval: retrieval / count };
}

/**
 * The offline answerer's own work per answer, in process, on the default corpus (no HTTP, no answer cache): the
 * serving issue's "at most 1 ms per answer". Warm (after one pass), best and median of `rounds` rounds.
 */
async function main(): Promise<void> {
  const config = resolvePaths(loadConfig({ ...process.env, WEDGE_GENERATOR: 'extractive', WEDGE_ANSWER_CACHE: '0' }), root);
  await prepareIndex(config, { log: () => {} });
  const deps = await createAnswerDeps(config);
  warmUp(deps);
  console.log(`wedge answer benchmark — in process, offline generator, no answer cache, default corpus; ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, Node ${process.version}`);
  const cases: Array<[string, string[], number, AnswerMode]> = [
    ['bench:server questions (4), answer mode', benchQuestions, 2000, 'answer'],
    [`distinct questions (${distinct.length}), answer mode`, distinct, distinct.length * 4, 'answer'],
    [`distinct questions (${distinct.length}), steelman mode`, distinct, distinct.length, 'steelman'],
  ];
  for (const [name, questions, count, mode] of cases) {
    await perAnswer(deps, questions, Math.min(count, questions.length * 2), mode);
    const runs: Array<{ total: number; retrieval: number }> = [];
    for (let round = 0; round < rounds; round += 1) runs.push(await perAnswer(deps, questions, count, mode));
    runs.sort((a, b) => a.total - b.total);
    const best = runs[0]!;
    const median = runs[Math.floor(runs.length / 2)]!;
    console.log(`${name.padEnd(42)} ms per answer: best ${best.total.toFixed(2)} (retrieval ${best.retrieval.toFixed(2)}), median ${median.total.toFixed(2)}`);
  }
}

await main();
