import { describe, expect, it } from 'vitest';
import type { AnswerResult } from '../../../src/answer/answer-result.js';
import { answerBlocks, toMrkdwn } from '../../../src/server/slack/format-blocks.js';

const citation = (n: number, docId: string) => ({ n, docId, title: `Title ${docId}`, publisher: 'Desk', kind: 'essay', chunkId: `${docId}:0`, quote: `Quote ${n}.`, start: 0, end: 8, score: 1 });
const base: AnswerResult = { id: 'a', mode: 'answer', question: 'Why?', answer: '', citations: [citation(1, 'a'), citation(2, 'b')], abstained: false, generator: 'extractive', timings: { retrievalMs: 1, generationMs: 1, totalMs: 2 } };

describe('Slack blocks', () => {
  it('shows a point made by several articles with its count and the other articles nested under it, and each citation\'s kind', () => {
    expect(toMrkdwn('- **2 articles make this point:** “Quote 1.” — A [1]\n  - Also B: “Quote 2.” [2]')).toBe('• *2 articles make this point:* “Quote 1.” — A [1]\n      ◦ Also B: “Quote 2.” [2]');
    const blocks = answerBlocks({ ...base, mode: 'steelman', answer: '**Balance:** Support is roughly balanced.', sides: [
      { label: 'Yes', thesis: 'It can.', supportCount: 2, points: [{ text: 'Quote 1.', citations: [1, 2], articles: 2 }] },
      { label: 'No', thesis: 'It cannot.', supportCount: 0, points: [] },
    ] });
    expect(JSON.stringify(blocks[0])).toContain('*2 articles:* “Quote 1.” [1][2]');
    expect(JSON.stringify(blocks.find((b) => b.type === 'context'))).toContain('Desk · essay');
  });
});
