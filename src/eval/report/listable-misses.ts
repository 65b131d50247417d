import type { QuestionOutcome } from '../question-outcome.js';

/** One suite's misses as the report lists them: `label` prefixes each line; a suite that is test data whole (corpus2) lists none. */
export interface SuiteMisses { label: string; failures: string[]; outcomes: QuestionOutcome[]; prefix: string; wholeTest?: boolean }

/**
 * The misses a human report may list, and how many it only counts: a test question's miss is never listed, since
 * a method is measured on test once and its questions are not read one by one. A miss line starts with its question's id.
 */
export function listableMisses(suites: SuiteMisses[]): { listed: string[]; unlisted: number } {
  const listed: string[] = [];
  let unlisted = 0;
  for (const suite of suites) {
    const test = new Set(suite.outcomes.filter((o) => o.split === 'test').map((o) => o.id.slice(suite.prefix.length)));
    for (const line of suite.failures) {
      if (suite.wholeTest || test.has(line.slice(0, line.indexOf(':')))) unlisted += 1;
      else listed.push(suite.label ? `${suite.label} ${line}` : line);
    }
  }
  return { listed, unlisted };
}
