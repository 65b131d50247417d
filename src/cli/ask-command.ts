import { answerQuestion } from '../answer/answer-question.js';
import { createAnswerDeps } from '../answer/create-answer-deps.js';
import { loadConfig } from '../config/load-config.js';
import { UsageError } from '../errors/wedge-error.js';
import type { CliIo } from './cli-io.js';
import { formatAnswer } from './format-answer.js';
import { parseCommandArgs, positiveIntFlag } from './parse-command-args.js';
import { resolvePaths } from './resolve-paths.js';

/** `wedge ask "question"`: the same cited answer the server gives, in the terminal; --json for machines. */
export async function runAskCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('ask', args, {
    mode: { type: 'string' },
    json: { type: 'boolean' },
    k: { type: 'string' },
    index: { type: 'string' },
    generator: { type: 'string' },
  });
  const question = positionals.join(' ').trim();
  if (!question) throw new UsageError('ask: give a question, e.g. wedge ask "why won\'t the split work?"');
  const mode = values.mode ?? 'answer';
  if (mode !== 'answer' && mode !== 'steelman') throw new UsageError(`ask: --mode must be answer or steelman, got "${mode}"`);
  const config = resolvePaths(loadConfig(io.env, { indexDir: values.index, generator: values.generator as never }), io.cwd);
  const deps = await createAnswerDeps(config);
  const result = await answerQuestion(deps, { messages: [{ role: 'user', content: question }], mode, k: positiveIntFlag('k', values.k, 8, 50) });
  io.stdout(values.json ? `${JSON.stringify(result, null, 2)}\n` : formatAnswer(result));
  return 0;
}
