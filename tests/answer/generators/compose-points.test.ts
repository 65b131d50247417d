import { describe, expect, it } from 'vitest';
import type { Evidence } from '../../../src/answer/evidence.js';
import { composePoints } from '../../../src/answer/generators/compose-points.js';
import { toCandidates, type RankedSentence } from '../../../src/answer/ranking/rank-sentences.js';

const item = (docId: string, start: number, text: string, extra: Partial<Evidence> = {}): Evidence => ({ docId, chunkId: `${docId}:0`, start, end: start + text.length, text, score: 0.5, hitRank: 0, hitScore: 0.5, ...extra });
const rank = (items: Evidence[], probabilities: number[]): RankedSentence[] => toCandidates(items, () => 1).map((c, i) => ({ ...c, probability: probabilities[i]!, focus: 1, features: [] }));
const options = { max: 4, samePoint: 0.5, relative: 0.35, perDoc: 2 };

describe('composePoints', () => {
  it('folds a sentence of another article that makes the same point into that point, as corroboration', () => {
    const points = composePoints(rank([
      item('a', 0, 'Russia depends on China for trade and technology.'),
      item('b', 0, 'For trade and technology Russia depends on China.'),
      item('c', 0, 'The border between the two powers is long.'),
    ], [0.9, 0.8, 0.7]), options);
    expect(points.map((p) => [p.lead.item.docId, p.also.map((s) => s.item.docId)])).toEqual([['a', ['b']], ['c', []]]);
  });
  it('leaves out points much weaker than the best and takes at most perDoc from one article', () => {
    const points = composePoints(rank([
      item('a', 0, 'Sanctions drove the two closer together.'),
      item('a', 50, 'Energy exports flow east through new pipelines.'),
      item('a', 100, 'Military drills were held in the Pacific.'),
      item('b', 0, 'Weather in spring was mild that year.'),
    ], [0.9, 0.6, 0.5, 0.1]), options);
    expect(points.map((p) => p.lead.item.text)).toEqual(['Sanctions drove the two closer together.', 'Energy exports flow east through new pipelines.']);
  });
  it('quotes a sentence that leans on the one before ("This means…") together with it', () => {
    const [point] = composePoints(rank([item('a', 40, 'This means Moscow is not desperate for a deal.', { previousStart: 0 })], [0.9]), options);
    expect(point!.span).toMatchObject({ start: 0, end: 40 + 'This means Moscow is not desperate for a deal.'.length });
  });
});
