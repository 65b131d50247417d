import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { modelsReadTypes } from '../../../src/answer/assess-question.js';
import { BOOSTED_INPUTS, boostedAnswerability, boostedInputs } from '../../../src/answer/ranking/answerability.js';
import { readAnswerabilityModel, type BoostedAnswerability } from '../../../src/answer/ranking/answerability-model.js';
import { rerank, type RankedSentence } from '../../../src/answer/ranking/rank-sentences.js';
import { FEATURE_NAMES } from '../../../src/answer/ranking/sentence-features.js';
import { DataFileError } from '../../../src/errors/wedge-error.js';

const ranker = { features: ['lexical'], mean: [0], scale: [1], coefficients: [1], bias: 0 };
// One tree: answerable when the best lexical match among the candidates is above 0.6.
const model: BoostedAnswerability = {
  kind: 'boosted-trees', features: ['max:lexical'], base: 0, cutoff: 0.5, ranker, fitted: {},
  trees: [{ feature: [0, -1, -1], threshold: [0.6, 0, 0], left: [1, 0, 0], right: [2, 0, 0], value: [0, -3, 3] }],
};
const sentence = (lexical: number, retrieval: number) => ({ features: FEATURE_NAMES.map((name) => (name === 'lexical' ? lexical : name === 'retrieval' ? retrieval : 0)), probability: retrieval }) as unknown as RankedSentence;

describe('boosted answerability', () => {
  it('reads each sentence feature\'s largest value among the candidates after the question-level features', () => {
    const inputs = boostedInputs([0.1, 0.2], [sentence(0.3, 0.9), sentence(0.8, 0.1)]);
    expect(inputs.slice(0, 2)).toEqual([0.1, 0.2]);
    expect(inputs[2 + FEATURE_NAMES.indexOf('lexical')]).toBe(0.8);
    expect(inputs[2 + FEATURE_NAMES.indexOf('retrieval')]).toBe(0.9);
  });

  it('scores by its trees, reading its features by name', () => {
    const question = new Array<number>(BOOSTED_INPUTS.length - FEATURE_NAMES.length).fill(0);
    expect(boostedAnswerability(boostedInputs(question, [sentence(0.9, 0)]), model)).toBeCloseTo(1 / (1 + Math.exp(-3)));
    expect(boostedAnswerability(boostedInputs(question, [sentence(0.2, 0)]), model)).toBeCloseTo(1 / (1 + Math.exp(3)));
    expect(() => boostedAnswerability([], { ...model, features: ['max:gone'] })).toThrow(/gone.*--boosted/);
  });

  it('orders the candidates by its own ranker for the top sentences it reads', () => {
    const order = rerank([sentence(0.1, 0.9), sentence(0.7, 0.2)], ranker);
    expect(order.map((s) => s.features[FEATURE_NAMES.indexOf('lexical')])).toEqual([0.7, 0.1]);
  });

  it('says it reads the tagged answer type when its trees or its ranker read a typed feature', () => {
    expect(modelsReadTypes({ answerability: model })).toBe(false);
    expect(modelsReadTypes({ answerability: { ...model, features: ['max:typed-focus'] } })).toBe(true);
    expect(modelsReadTypes({ answerability: { ...model, ranker: { ...ranker, features: ['typed'] } } })).toBe(true);
  });

  it('reads the model file, and names the file when it is missing or malformed', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'wedge-answerability-'));
    const good = path.join(dir, 'good.json');
    await writeFile(good, JSON.stringify(model));
    expect(readAnswerabilityModel(good).cutoff).toBe(0.5);
    const bad = path.join(dir, 'bad.json');
    await writeFile(bad, JSON.stringify({ ...model, trees: [{ ...model.trees[0], value: [0] }] }));
    expect(() => readAnswerabilityModel(bad)).toThrow(DataFileError);
    expect(() => readAnswerabilityModel(bad)).toThrow(/bad\.json is malformed/);
    expect(() => readAnswerabilityModel(path.join(dir, 'none.json'))).toThrow(/none\.json could not be read/);
    const other = path.join(dir, 'other.json');
    await writeFile(other, JSON.stringify({ ...model, features: ['max:from-a-later-version'] }));
    expect(() => readAnswerabilityModel(other)).toThrow(/from-a-later-version.*--boosted/);
  });

  it('reads the committed trial model', () => {
    const shipped = readAnswerabilityModel(path.resolve('models/answerability-v3.json'));
    expect(shipped.features.every((name) => (BOOSTED_INPUTS as readonly string[]).includes(name))).toBe(true);
    expect(shipped.trees.length).toBeGreaterThan(0);
  });
});
