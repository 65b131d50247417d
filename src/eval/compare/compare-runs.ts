import type { QuestionOutcome } from '../question-outcome.js';

/** A metric of a run, by its label (0–1). */
export interface LabelledMetric { label: string; value: number }

/** One metric in both runs. */
export interface MetricDelta { label: string; baseline?: number; now: number; delta?: number }

/** A question whose outcome changed between the runs. */
export interface FlippedQuestion { id: string; question: string; change: 'newly missed' | 'newly passing' | 'newly declined' | 'no longer declined'; from: QuestionOutcome['kind']; to: QuestionOutcome['kind'] }

/** Two runs side by side: every metric with its difference, and the questions whose outcome flipped. */
export interface RunComparison { metrics: MetricDelta[]; flipped: FlippedQuestion[]; unmatched: number }

/**
 * Compares a run with a baseline run on the same questions: per metric (matched by label) baseline, now and
 * difference; per question (matched by id) newly missed, newly passing, newly declined or no longer declined.
 * Questions only one run has are counted, not compared.
 */
export function compareRuns(baseline: { metrics: LabelledMetric[]; outcomes: QuestionOutcome[] }, now: { metrics: LabelledMetric[]; outcomes: QuestionOutcome[] }): RunComparison {
  const before = new Map(baseline.metrics.map((m) => [m.label, m.value]));
  const metrics = now.metrics.map((m) => {
    const base = before.get(m.label);
    return base === undefined ? { label: m.label, now: m.value } : { label: m.label, baseline: base, now: m.value, delta: Number((m.value - base).toFixed(6)) };
  });
  const earlier = new Map(baseline.outcomes.map((o) => [o.id, o]));
  const flipped: FlippedQuestion[] = [];
  let unmatched = 0;
  for (const outcome of now.outcomes) {
    const old = earlier.get(outcome.id);
    if (!old) { unmatched += 1; continue; }
    const flip = (change: FlippedQuestion['change']) => flipped.push({ id: outcome.id, question: outcome.question, change, from: old.kind, to: outcome.kind });
    if (old.kind === 'pass' && outcome.kind !== 'pass') flip(outcome.declined && !old.declined ? 'newly declined' : 'newly missed');
    else if (old.kind !== 'pass' && outcome.kind === 'pass') flip('newly passing');
    else if (outcome.declined !== old.declined && outcome.kind !== 'pass') flip(outcome.declined ? 'newly declined' : 'no longer declined');
  }
  const current = new Set(now.outcomes.map((o) => o.id));
  unmatched += baseline.outcomes.filter((o) => !current.has(o.id)).length;
  return { metrics, flipped, unmatched };
}
