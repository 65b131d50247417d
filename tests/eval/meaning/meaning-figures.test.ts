import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { answerCandidates, corpusWindows } from '../../../src/eval/meaning/answer-candidates.js';
import { argkpSplit } from '../../../src/eval/meaning/argkp-split.js';
import { modelSamePoint, rocAuc } from '../../../src/eval/meaning/meaning-figures.js';
import type { MeaningModel } from '../../../src/meaning/meaning-model.js';
import { readCsv } from '../../../src/eval/meaning/read-csv.js';
import { useTempDirs } from '../../helpers/temp-dir.js';

const tempDir = useTempDirs();

describe('rocAuc', () => {
  it('is 1 when every positive outscores every negative, 0.5 for ties, 0 when reversed', () => {
    expect(rocAuc([0.9, 0.8], [0.1, 0.2])).toBe(1);
    expect(rocAuc([0.5], [0.5])).toBe(0.5);
    expect(rocAuc([0.1], [0.9, 0.8])).toBe(0);
  });
});

describe('modelSamePoint', () => {
  // A stand-in head: the same-point probability of a pair is the number written in its key point.
  const head = (thresholds: Record<string, number>) => ({
    header: { thresholds },
    encode: (text: string) => ({ rows: new Int32Array(), attend: new Float32Array([Number(text) || 0]), compareSelf: new Float32Array(), compareAligned: new Float32Array() }),
    score: (_task: string, a: { attend: Float32Array }) => new Float32Array([1 - a.attend[0]!, a.attend[0]!]),
  }) as unknown as MeaningModel;
  const pairs = [{ a: '0.3', b: 'argument one', same: true }, { a: '0.2', b: 'argument one', same: false }, { a: '0.35', b: 'argument two', same: false }];

  it('matches each argument to its best key point only when it reaches the threshold the model was chosen at', () => {
    expect(modelSamePoint(head({ same: 0.25 }), pairs)).toMatchObject({ precision: 0.5, recall: 1 });
    expect(modelSamePoint(head({ same: 0.32 }), pairs)).toMatchObject({ precision: 0, recall: 0 });
  });

  it('falls back to the default threshold (0.4) for a model that carries none', () => {
    expect(modelSamePoint(head({}), pairs).recall).toBe(0);
  });
});

describe('readCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks inside them', async () => {
    const file = path.join(await tempDir(), 'a.csv');
    await writeFile(file, 'topic,argument,label\r\nT1,"a, b ""quoted""\nsecond line",1\nT2,plain,0\n');
    expect(await readCsv(file)).toEqual([{ topic: 'T1', argument: 'a, b "quoted"\nsecond line', label: '1' }, { topic: 'T2', argument: 'plain', label: '0' }]);
  });
});

describe('argkpSplit', () => {
  it('puts every fifth sorted topic in test and the next in dev, whatever order topics come in', () => {
    const topics = Array.from({ length: 10 }, (_, i) => `topic ${String.fromCharCode(106 - i)}`);
    const split = argkpSplit(topics);
    expect([...split.values()].filter((s) => s === 'test')).toHaveLength(2);
    expect([...split.values()].filter((s) => s === 'dev')).toHaveLength(2);
    expect(split.get('topic a')).toBe('test');
    expect(split.get('topic b')).toBe('dev');
  });
});

describe('answerCandidates', () => {
  const corpus = {
    docs: [{ id: 'd', title: 't', author: 'a', date: '2000-01-01', body: 'The canal opened in 1914. It cost 375 million dollars to build. Ships pass through locks.\n\nThe treaty was signed in 1903.' }],
    answerable: [{ id: 'q1', qtype: 'number' as const, question: 'How much did building the canal cost?', gold: [{ docId: 'd', quote: 'It cost 375 million dollars to build.' }] }],
    unanswerable: [{ id: 'u1', kind: 'near-miss' as const, question: 'How many ships used the canal in 1914?' }],
  };

  it('makes a window of each sentence with the one before it', () => {
    const windows = corpusWindows(corpus);
    expect(windows.map((w) => w.text)).toEqual([
      'The canal opened in 1914.', 'The canal opened in 1914. It cost 375 million dollars to build.',
      'It cost 375 million dollars to build. Ships pass through locks.', 'Ships pass through locks.\n\nThe treaty was signed in 1903.',
    ]);
  });

  it('marks both windows that hold the gold sentence, keeps them even when BM25 misses them, and gives near misses no gold', () => {
    const [answerable, nearMiss] = answerCandidates(corpus, 1);
    expect(answerable!.windows.filter((w) => w.gold).map((w) => w.text).sort()).toEqual(['It cost 375 million dollars to build. Ships pass through locks.', 'The canal opened in 1914. It cost 375 million dollars to build.']);
    expect(nearMiss!.answerable).toBe(false);
    expect(nearMiss!.windows.every((w) => !w.gold)).toBe(true);
  });
});
