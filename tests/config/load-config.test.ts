import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { ConfigError } from '../../src/errors/wedge-error.js';

describe('loadConfig', () => {
  it('uses defaults when nothing is set: offline embedder chosen per use, default corpus and index', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ corpusDir: 'corpus', indexDir: 'indexes/default', openaiEmbeddingModel: 'text-embedding-3-small' });
    expect(config.embedder).toBeUndefined();
  });
  it('lets the environment override defaults and explicit arguments override the environment', () => {
    const env = { WEDGE_INDEX_DIR: 'from-env', WEDGE_EMBEDDER: 'openai', WEDGE_OPENAI_TIMEOUT_MS: '5000' };
    expect(loadConfig(env)).toMatchObject({ indexDir: 'from-env', embedder: 'openai', openaiTimeoutMs: 5000 });
    expect(loadConfig(env, { indexDir: 'from-flag', embedder: undefined })).toMatchObject({ indexDir: 'from-flag', embedder: 'openai' });
  });
  it('treats empty variables as unset', () => {
    const config = loadConfig({ WEDGE_EMBEDDER: '', OPENAI_API_KEY: '' });
    expect(config.embedder).toBeUndefined();
    expect(config.openaiApiKey).toBeUndefined();
  });
  it('lets the Slack bot run with several workers, which share its memory of answered events through a file', () => {
    expect(loadConfig({ WEDGE_WORKERS: '2', SLACK_SIGNING_SECRET: 's', SLACK_BOT_TOKEN: 'xoxb-1' }).stateFile).toBe('data/server-state.sqlite');
  });
  it('runs one server process per core unless WEDGE_WORKERS says otherwise', () => {
    expect(loadConfig({}).workers).toBe(Math.min(64, os.availableParallelism()));
    expect(loadConfig({ WEDGE_WORKERS: '1' }).workers).toBe(1);
  });
  it('names the variable (or flag) and the problem for a bad value', () => {
    expect(() => loadConfig({ WEDGE_EMBEDDER: 'word2vec' })).toThrow(ConfigError);
    expect(() => loadConfig({ WEDGE_EMBEDDER: 'word2vec' })).toThrow(/WEDGE_EMBEDDER: /);
    expect(() => loadConfig({ OPENAI_BASE_URL: 'not a url' })).toThrow(/OPENAI_BASE_URL/);
    expect(() => loadConfig({}, { embedder: 'nope' as never })).toThrow(/--embedder/);
    expect(() => loadConfig({ WEDGE_OPENAI_TIMEOUT_MS: '-3' })).toThrow(/WEDGE_OPENAI_TIMEOUT_MS/);
    expect(() => loadConfig({ WEDGE_STORE: 'postgres' })).toThrow(/DATABASE_URL: WEDGE_STORE=postgres needs DATABASE_URL/);
  });
});

describe('loadConfig: WEDGE_FUSION', () => {
  it('reads the hybrid ranking as "dense weight,MMR lambda", and leaves it to the embedder when unset', () => {
    expect(loadConfig({ WEDGE_FUSION: '0.1, 0.85' }).fusion).toEqual({ denseWeight: 0.1, mmrLambda: 0.85 });
    expect(loadConfig({}).fusion).toBeUndefined();
  });

  it('refuses a setting that is not two numbers, or a λ above 1, with a message naming the form', () => {
    expect(() => loadConfig({ WEDGE_FUSION: 'bm25' })).toThrow(/WEDGE_FUSION is "dense weight,MMR lambda"|fusion/);
    expect(() => loadConfig({ WEDGE_FUSION: '0.1,1.5' })).toThrow(ConfigError);
  });
});
