import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { judgeKnowledge } from '../answer/citations/judge-knowledge.js';
import { wordVectorsFor } from '../answer/create-answer-deps.js';
import { loadConfig } from '../config/load-config.js';
import { DataFileError, UsageError } from '../errors/wedge-error.js';
import { readJsonl } from '../eval/question-sets.js';
import { renderHtmlReport } from '../eval/report/render-html-report.js';
import { answerItemSchema, type AnswerItem } from '../eval/score/answer-item.js';
import { offlineJudge, scoreAnswers } from '../eval/score/score-answers.js';
import type { ScoredItem } from '../eval/score/answer-item.js';
import { compareRuns } from '../eval/compare/compare-runs.js';
import { printComparison } from './format-comparison.js';
import { createLlmJudgeFromConfig } from '../eval/judge/llm-judge.js';
import { loadRetriever } from '../retrieval/load-retriever.js';
import type { CliIo } from './cli-io.js';
import { parseCommandArgs } from './parse-command-args.js';
import { resolvePaths } from './resolve-paths.js';

/** Reads the answers to score; a bad file or line is a usage error naming file and line (exit 2). */
async function readItems(file: string): Promise<AnswerItem[]> {
  return readJsonl(file, answerItemSchema).catch((error: unknown) => {
    throw error instanceof DataFileError ? new UsageError(`score: ${error.message}`) : error;
  });
}

const METRIC_LABELS = { citationValidity: 'citation validity', citationRecall: 'citation recall (ALCE)', citationPrecision: 'citation precision (ALCE)', faithfulness: 'faithfulness (RAGAS)' } as const;
type Aggregate = Record<keyof typeof METRIC_LABELS, number>;
const metricsOf = (a: Aggregate) => (Object.keys(METRIC_LABELS) as Array<keyof typeof METRIC_LABELS>).map((key) => ({ label: METRIC_LABELS[key], value: a[key] }));

/** Answers whose share of supported statements changed between two scored sets, matched by id. */
function changedItems(before: ScoredItem[], now: ScoredItem[]): string[] {
  const old = new Map(before.map((i) => [i.id, i]));
  return now.flatMap((item) => {
    const was = old.get(item.id);
    if (!was || Math.abs(was.citationRecall - item.citationRecall) < 1e-9) return [];
    return [`${item.id}: citation recall ${was.citationRecall.toFixed(2)} → ${item.citationRecall.toFixed(2)}, faithfulness ${was.faithfulness.toFixed(2)} → ${item.faithfulness.toFixed(2)}`];
  });
}

/** `wedge score answers.jsonl`: scores any system's cited answers against the corpus; --json, --html, --judge, --baseline. */
export async function runScoreCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('score', args, { json: { type: 'boolean' }, html: { type: 'string' }, judge: { type: 'string' }, index: { type: 'string' }, baseline: { type: 'string' } });
  if (positionals.length !== 1) throw new UsageError('score: give one JSONL file of answers, e.g. wedge score answers.jsonl');
  const judgeName = values.judge ?? 'offline';
  if (judgeName !== 'offline' && judgeName !== 'llm') throw new UsageError(`score: --judge must be offline or llm, got "${judgeName}"`);
  const config = resolvePaths(loadConfig(io.env, { indexDir: values.index }), io.cwd);
  const items = await readItems(path.resolve(io.cwd, positionals[0]!));
  // The index's own copy of the articles (either store), validated as the server reads it.
  const retriever = await loadRetriever(config);
  const { docs } = retriever.index;
  const judge = judgeName === 'llm' ? await createLlmJudgeFromConfig(config) : offlineJudge(judgeKnowledge(await wordVectorsFor(retriever, config)));
  const report = await scoreAnswers(items, docs, judge);
  // Another system's answers to the same questions, scored by the same judge, for a side-by-side comparison.
  const base = values.baseline ? await scoreAnswers(await readItems(path.resolve(io.cwd, values.baseline)), docs, judge) : undefined;
  const baseName = values.baseline && path.basename(values.baseline);
  const comparison = base && compareRuns({ metrics: metricsOf(base.aggregate), outcomes: [] }, { metrics: metricsOf(report.aggregate), outcomes: [] });
  const changed = base ? changedItems(base.items, report.items) : [];
  if (values.html) {
    const before = new Map(comparison?.metrics.map((m) => [m.label, m.baseline]));
    await writeFile(path.resolve(io.cwd, values.html), renderHtmlReport({
      title: `wedge score — ${path.basename(positionals[0]!)}`, generatedAt: new Date(), items: report.items,
      headline: `${report.aggregate.items} answers · ${judgeName} judge · ${new Date().toISOString().slice(0, 10)}${baseName ? ` · compared with ${baseName}` : ''}`,
      metrics: metricsOf(report.aggregate).map((m) => ({ ...m, ...(before.get(m.label) === undefined ? {} : { baseline: before.get(m.label) }) })),
      ...(baseName ? { baselineLabel: baseName, notes: changed.length ? changed : ['No answer changed its share of supported statements.'] } : {}),
    }));
  }
  if (values.json) {
    io.stdout(`${JSON.stringify({ ...report, ...(comparison ? { comparison: { metrics: comparison.metrics, changed } } : {}) }, null, 2)}\n`);
    return 0;
  }
  const a = report.aggregate;
  io.stdout(`id${' '.repeat(14)}validity  recall  precision  faithfulness\n`);
  for (const item of report.items) io.stdout(`${item.id.slice(0, 15).padEnd(16)}${item.citationValidity.toFixed(2).padStart(8)}${item.citationRecall.toFixed(2).padStart(8)}${item.citationPrecision.toFixed(2).padStart(11)}${item.faithfulness.toFixed(2).padStart(14)}\n`);
  io.stdout(`${'all'.padEnd(16)}${a.citationValidity.toFixed(2).padStart(8)}${a.citationRecall.toFixed(2).padStart(8)}${a.citationPrecision.toFixed(2).padStart(11)}${a.faithfulness.toFixed(2).padStart(14)}   (${a.items} answers, ${judgeName} judge)\n`);
  if (comparison) {
    printComparison(io, comparison, baseName!);
    for (const line of changed) io.stdout(`  ${line}\n`);
  }
  return 0;
}
