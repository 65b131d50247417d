import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAnswerDeps } from '../../src/answer/create-answer-deps.js';
import { loadConfig } from '../../src/config/load-config.js';
import { DataFileError } from '../../src/errors/wedge-error.js';
import { defaultRetriever } from '../helpers/default-index.js';

describe('createAnswerDeps', () => {
  const configWith = async (env: Record<string, string>) => ({ ...loadConfig({ WEDGE_CACHE_DIR: 'indexes/.cache', WEDGE_GENERATOR: 'extractive', ...env }), indexDir: (await defaultRetriever()).index.dir });

  it('declines with the fitted logistic model unless WEDGE_ANSWERABILITY_MODEL names a boosted one', async () => {
    expect((await createAnswerDeps(await configWith({}))).models).toBeUndefined();
    const deps = await createAnswerDeps(await configWith({ WEDGE_ANSWERABILITY_MODEL: path.resolve('models/answerability-v3.json') }));
    expect(deps.models?.answerability).toMatchObject({ kind: 'boosted-trees' });
  });

  it('refuses a missing model file with an error naming it', async () => {
    await expect(createAnswerDeps(await configWith({ WEDGE_ANSWERABILITY_MODEL: 'models/no-such-model.json' }))).rejects.toThrow(DataFileError);
  });
});
