import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMeaningModel } from '../../src/meaning/meaning-model.js';
import { WINDOW_TYPE_FEATURES } from '../../src/answer/typing/window-type-features.js';
import { stanceLabel, stanceToward } from '../../src/meaning/stance-toward.js';
import { sharedGlove } from '../helpers/glove.js';
import { useTempDirs } from '../helpers/temp-dir.js';

const MODEL = path.resolve('models/meaning-v1.bin');
const ANSWER_MODEL = path.resolve('models/answer-v2.bin');
const SAME_POINT_MODEL = path.resolve('models/same-point-v1.bin');
const tempDir = useTempDirs();

describe('the shipped meaning model', () => {
  it.each([['meaning-v1.bin', MODEL, 16], ['answer-v2.bin', ANSWER_MODEL, 8], ['same-point-v1.bin', SAME_POINT_MODEL, 8]])('%s scores the dev examples recorded at training exactly as PyTorch did, so export and inference agree', async (_name, file, least) => {
    const model = await loadMeaningModel(file, await sharedGlove());
    const parity = (model.header as { parity?: Array<{ task: 'stance'; a: number[]; b: number[]; p: number[]; x?: number[] }> }).parity ?? [];
    expect(parity.length).toBeGreaterThanOrEqual(least);
    for (const example of parity) {
      const p = model.score(example.task, model.encodeRows(example.a), model.encodeRows(example.b), example.x);
      const worst = Math.max(...[...p].map((v, i) => Math.abs(v - example.p[i]!)));
      expect(worst, `${example.task} example`).toBeLessThan(2e-4);
    }
  });

  it('the answer model holds only the answer head, with soft coverage and the typed features, and records the dev figures it was chosen on', async () => {
    const model = await loadMeaningModel(ANSWER_MODEL, await sharedGlove());
    expect(Object.keys(model.header.tasks)).toEqual(['answer']);
    expect(model.header.coverage).toBe(true);
    expect(model.header.extra).toEqual([...WINDOW_TYPE_FEATURES]);
    const [q, w] = [model.encode('How many troops?'), model.encode('There were 40,000 troops.')];
    expect(() => model.score('answer', q, w)).toThrow(/reads 5 features beside the texts/);
    for (const figure of ['answer_top1', 'answer_unanswerable_auc']) expect(model.header.dev[figure]).toBeGreaterThan(0.5);
  });

  it('the same-point model holds only the same-point head and carries the threshold it was chosen at on dev, which the key point figures use', async () => {
    const model = await loadMeaningModel(SAME_POINT_MODEL, await sharedGlove());
    expect(Object.keys(model.header.tasks)).toEqual(['same']);
    expect(model.header.thresholds.same).toBe(model.header.dev.same_kpa_threshold);
    expect(model.header.thresholds.same).toBeGreaterThan(0);
    expect(model.header.thresholds.same).toBeLessThan(0.5);
  });

  it('records the dev figures it was chosen on, for every head', async () => {
    const model = await loadMeaningModel(MODEL, await sharedGlove());
    expect(Object.keys(model.header.tasks).sort()).toEqual(['answer', 'same', 'stance', 'support']);
    for (const figure of ['stance_acc', 'same_f1', 'support_acc', 'answer_top1']) expect(model.header.dev[figure]).toBeGreaterThan(0);
  });

  it('gives the same stance verdict whichever of two opposing theses is named first', async () => {
    const model = await loadMeaningModel(MODEL, await sharedGlove());
    const [a, b, s] = ['The United States should stay out of the war.', 'The United States should enter the war.', 'Neutrality has failed us, and we must fight.'].map((t) => model.encode(t));
    const forward = stanceToward(model, a!, b!, s!);
    const backward = stanceToward(model, b!, a!, s!);
    expect(forward.pro).toBeCloseTo(backward.con, 6);
    expect(forward.neither).toBeCloseTo(backward.neither, 6);
    const flipped = { pro: 'con', con: 'pro', neither: 'neither' } as const;
    expect(stanceLabel(backward)).toBe(flipped[stanceLabel(forward)]);
  });

  it('refuses a file that is not a meaning model, naming it', async () => {
    const file = path.join(await tempDir(), 'bogus.bin');
    await writeFile(file, 'not a model');
    await expect(loadMeaningModel(file, await sharedGlove())).rejects.toThrow(/bogus\.bin is not a wedge meaning model/);
    await expect(loadMeaningModel(path.join(path.dirname(file), 'missing.bin'), await sharedGlove())).rejects.toThrow(/meaning model not found/);
  });
});
