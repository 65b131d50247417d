import path from 'node:path';
import { createAnswerDeps } from '../answer/create-answer-deps.js';
import { loadConfig } from '../config/load-config.js';
import { UsageError } from '../errors/wedge-error.js';
import { readJsonl, steelmanQuestionSchema, unanswerableSchema } from '../eval/question-sets.js';
import { readRetrievalDataset } from '../eval/retrieval-dataset.js';
import { prepareIndex } from '../indexing/prepare-index.js';
import { runAnswerEval, type EvalReport } from '../eval/run-answer-eval.js';
import type { CliIo } from './cli-io.js';
import { parseCommandArgs } from './parse-command-args.js';
import { resolvePaths } from './resolve-paths.js';

/**
 * The gates CI enforces, each with the figure it reads. Defaults are the measured level of the
 * offline pipeline on the shipped question sets (BENCHMARKS.md), so a regression fails the build.
 */
export const EVAL_GATES: Record<string, { read: (r: EvalReport) => number; fallback: number; label: string }> = {
  'min-recall5': { read: (r) => r.retrieval.recallAt5, fallback: 0.75, label: 'retrieval recall@5' },
  'min-mrr': { read: (r) => r.retrieval.mrrAt10, fallback: 0.7, label: 'retrieval MRR@10' },
  'min-validity': { read: (r) => r.answers.citationValidity, fallback: 1, label: 'citations verbatim at their offsets' },
  'min-answered': { read: (r) => r.answers.answered, fallback: 0.95, label: 'answerable questions answered' },
  'min-cites': { read: (r) => r.answers.cites, fallback: 1, label: 'answers that cite' },
  'min-gold-cited': { read: (r) => r.answers.goldCited, fallback: 0.6, label: 'answers citing a gold quote' },
  'min-declined': { read: (r) => r.abstention.declined, fallback: 0.9, label: 'unanswerable questions declined' },
  'min-steelman': { read: (r) => r.steelman.bothSides, fallback: 1, label: 'steelman questions with both sides' },
};

/** `wedge eval`: runs the question sets through the pipeline, prints the metrics, exits 1 when a gate fails. */
export async function runEvalCommand(args: string[], io: CliIo): Promise<number> {
  const gateFlags = Object.fromEntries(Object.keys(EVAL_GATES).map((name) => [name, { type: 'string' as const }]));
  const { values } = parseCommandArgs('eval', args, {
    dataset: { type: 'string' }, unanswerable: { type: 'string' }, steelman: { type: 'string' },
    json: { type: 'boolean' }, index: { type: 'string' }, generator: { type: 'string' }, ...gateFlags,
  });
  const config = resolvePaths(loadConfig(io.env, { indexDir: values.index as string | undefined, generator: values.generator as never }), io.cwd);
  const file = (flag: unknown, fallback: string) => path.resolve(io.cwd, (flag as string | undefined) ?? fallback);
  const sets = {
    answerable: await readRetrievalDataset(file(values.dataset, 'evals/retrieval.jsonl')),
    unanswerable: await readJsonl(file(values.unanswerable, 'evals/unanswerable.jsonl'), unanswerableSchema),
    steelman: await readJsonl(file(values.steelman, 'evals/steelman.jsonl'), steelmanQuestionSchema),
  };
  await prepareIndex(config, { log: (line) => io.stderr(`${line}\n`) });
  const report = await runAnswerEval(await createAnswerDeps(config), sets);
  const results = Object.entries(EVAL_GATES).map(([name, gate]) => {
    const raw = values[name as keyof typeof values] as string | undefined;
    const min = raw === undefined ? gate.fallback : Number(raw);
    if (!Number.isFinite(min) || min < 0 || min > 1) throw new UsageError(`--${name} must be a number from 0 to 1, got "${raw}"`);
    const value = gate.read(report);
    return { name, label: gate.label, value, min, pass: value >= min - 1e-9 };
  });
  if (values.json) {
    io.stdout(`${JSON.stringify({ ...report, gates: results }, null, 2)}\n`);
  } else {
    io.stdout(`wedge eval — generator ${report.generator}; ${sets.answerable.length} answerable, ${sets.unanswerable.length} unanswerable, ${sets.steelman.length} steelman questions\n`);
    for (const r of results) io.stdout(`${r.pass ? 'PASS' : 'FAIL'}  ${r.label.padEnd(38)} ${r.value.toFixed(3)}  (min ${r.min})\n`);
    if (report.failures.length) io.stdout(`\nItems that missed:\n${report.failures.map((f) => `  ${f}`).join('\n')}\n`);
  }
  const failed = results.filter((r) => !r.pass);
  if (failed.length) io.stderr(`wedge: eval failed: ${failed.map((r) => `${r.label} ${r.value.toFixed(3)} < ${r.min}`).join('; ')}\n`);
  return failed.length ? 1 : 0;
}
