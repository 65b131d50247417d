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

/** `wedge score answers.jsonl`: scores any system's cited answers against the corpus; --json, --html, --judge. */
export async function runScoreCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('score', args, { json: { type: 'boolean' }, html: { type: 'string' }, judge: { type: 'string' }, index: { type: 'string' } });
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
  if (values.html) {
    const { items: _items, ...metrics } = report.aggregate;
    await writeFile(path.resolve(io.cwd, values.html), renderHtmlReport({
      title: `wedge score — ${path.basename(positionals[0]!)}`, generatedAt: new Date(), items: report.items,
      groups: [{ label: `${judgeName} judge`, metrics }],
    }));
  }
  if (values.json) {
    io.stdout(`${JSON.stringify(report, null, 2)}\n`);
    return 0;
  }
  const a = report.aggregate;
  io.stdout(`id${' '.repeat(14)}validity  recall  precision  faithfulness\n`);
  for (const item of report.items) io.stdout(`${item.id.slice(0, 15).padEnd(16)}${item.citationValidity.toFixed(2).padStart(8)}${item.citationRecall.toFixed(2).padStart(8)}${item.citationPrecision.toFixed(2).padStart(11)}${item.faithfulness.toFixed(2).padStart(14)}\n`);
  io.stdout(`${'all'.padEnd(16)}${a.citationValidity.toFixed(2).padStart(8)}${a.citationRecall.toFixed(2).padStart(8)}${a.citationPrecision.toFixed(2).padStart(11)}${a.faithfulness.toFixed(2).padStart(14)}   (${a.items} answers, ${judgeName} judge)\n`);
  return 0;
}
