import { describe, expect, it } from 'vitest';
import { inProcessTarget } from '../../src/eval/eval-target.js';
import { runAnswerEval } from '../../src/eval/run-answer-eval.js';
import { offlineDeps } from '../helpers/default-index.js';

describe('runAnswerEval', () => {
  it('measures retrieval, citing, gold quotes, abstention and steelman on real answers', async () => {
    const deps = await offlineDeps();
    const report = await runAnswerEval(inProcessTarget(deps), {
      answerable: [{ id: 'a1', question: 'What share of China\'s energy imports passes through the Strait of Malacca?', type: 'lexical', gold: [{ docId: 'paulsen-peel-russia-from-china', quote: 'Strait of Malacca (the maritime route for 70% of China\'s energy imports)' }] }],
      unanswerable: [{ id: 'u1', question: 'Who won the Super Bowl?' }],
      steelman: [{ id: 's1', question: 'Steelman both sides: can the US pull Russia away from China?' }],
    });
    expect(report).toMatchObject({
      generator: 'extractive',
      retrieval: { recallAt5: 1, mrrAt10: 1 },
      answers: { answered: 1, cites: 1, goldCited: 1, citationValidity: 1, citationRecall: 1, citationPrecision: 1, faithfulness: 1, questions: 1 },
      abstention: { declined: 1, questions: 1 },
      steelman: { bothSides: 1, questions: 1 },
      failures: [],
    });
    expect(report.items[0]!.statements.length).toBeGreaterThan(0);
    expect(report.steelman.sides.map((s) => s.label)).toEqual(['The split can work', "The split won't work"]);
  });

  it('reports each miss by question id', async () => {
    const deps = await offlineDeps();
    const report = await runAnswerEval(inProcessTarget(deps), {
      answerable: [{ id: 'a1', question: 'Who won the Super Bowl?', type: 'lexical', gold: [{ docId: 'paulsen-peel-russia-from-china', quote: 'This is not 1970.' }] }],
      unanswerable: [{ id: 'u1', question: 'What does China fear?' }],
      steelman: [],
    });
    expect(report.failures).toEqual([
      'a1: declined an answerable question (The articles don\'t cover this. None of them mentions “Super Bowl”.)',
      'u1: answered an unanswerable question',
    ]);
    expect(report.answers.answered).toBe(0);
  });
});
