import type { RunComparison } from '../eval/compare/compare-runs.js';
import type { CliIo } from './cli-io.js';

const value = (n: number | undefined) => (n === undefined ? '    —' : n.toFixed(3));
const delta = (n: number | undefined) => (n === undefined ? 'new' : `${n > 0 ? '+' : n < 0 ? '−' : '±'}${Math.abs(n).toFixed(3)}`);

/** Prints a comparison with a baseline run: per metric baseline, now and difference, then the flipped questions. */
export function printComparison(io: CliIo, comparison: RunComparison, baselineName: string): void {
  io.stdout(`\nCompared with ${baselineName}:\n${'metric'.padEnd(46)}baseline  now     change\n`);
  for (const m of comparison.metrics) io.stdout(`${m.label.padEnd(46)}${value(m.baseline).padEnd(10)}${value(m.now).padEnd(8)}${delta(m.delta)}\n`);
  if (!comparison.flipped.length) io.stdout('No question changed outcome.\n');
  for (const f of comparison.flipped) io.stdout(`  ${f.change.padEnd(18)} ${f.id}: ${f.question}\n`);
  if (comparison.unmatched) io.stdout(`(${comparison.unmatched} questions are in only one of the two runs)\n`);
}
