import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { createEmbedder } from '../../src/embeddings/create-embedder.js';
import { ConfigError, UpstreamError } from '../../src/errors/wedge-error.js';
import { fakeVector, startFakeOpenAI } from '../helpers/fake-openai-server.js';

let server: Awaited<ReturnType<typeof startFakeOpenAI>>;
beforeAll(async () => { server = await startFakeOpenAI(8); });
afterAll(async () => { await server.close(); });

const embedderFor = (env: Record<string, string> = {}) => createEmbedder(loadConfig({
  WEDGE_EMBEDDER: 'openai', OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: server.url,
  WEDGE_OPENAI_EMBEDDING_MODEL: 'local-embed', WEDGE_OPENAI_BATCH_SIZE: '2', WEDGE_OPENAI_MAX_RETRIES: '2', ...env,
}));

describe('OpenAIEmbedder against a fake OpenAI-compatible server', () => {
  it('embeds in batches through the official SDK, in input order, with the key and model sent', async () => {
    server.requests.length = 0;
    const embedder = await embedderFor();
    const texts = ['alpha', 'beta', 'gamma', 'delta', 'epsilon'];
    const vectors = await embedder.embedDocuments(texts);
    expect(vectors).toEqual(texts.map((t) => fakeVector(t, 8)));
    expect(server.requests.map((r) => (r.body as { input: string[] }).input)).toEqual([['alpha', 'beta'], ['gamma', 'delta'], ['epsilon']]);
    expect(server.requests[0]!.headers.authorization).toBe('Bearer sk-test');
    expect(server.requests[0]!.body).toMatchObject({ model: 'local-embed', encoding_format: 'float' });
    expect(embedder.id).toBe('openai/local-embed');
    expect(embedder.dimensions).toBe(8);
  });

  it('retries after a 429 with Retry-After and then succeeds', async () => {
    server.requests.length = 0;
    server.queue.push({ status: 429, body: { error: { message: 'slow down', type: 'rate_limit' } }, headers: { 'retry-after': '0' } });
    const vector = await (await embedderFor()).embedQuery('hello');
    expect(vector).toEqual(fakeVector('hello', 8));
    expect(server.requests).toHaveLength(2);
  });

  it('gives up after the configured retries with an UpstreamError naming the status', async () => {
    const busy = { status: 503, body: { error: { message: 'overloaded' } }, headers: { 'retry-after': '0' } };
    server.queue.push(busy, busy, busy);
    const embedder = await embedderFor();
    await expect(embedder.embedQuery('hello')).rejects.toThrow(UpstreamError);
    server.queue.length = 0;
  });

  it('rejects a malformed reply (missing vectors) with a clear UpstreamError', async () => {
    server.queue.push({ body: { data: [{ index: 0, embedding: 'not-a-vector' }] } });
    await expect((await embedderFor()).embedQuery('hello')).rejects.toThrow(/malformed reply/);
    server.queue.push({ body: 'this is not json{' });
    await expect((await embedderFor()).embedQuery('hello')).rejects.toThrow(UpstreamError);
  });

  it('rejects vectors whose length changes between replies', async () => {
    const embedder = await embedderFor();
    await embedder.embedQuery('first');
    server.queue.push({ body: { data: [{ index: 0, embedding: [1, 2, 3] }] } });
    await expect(embedder.embedQuery('second')).rejects.toThrow(/3 dimensions; expected 8/);
  });

  it('refuses to start without a key or base URL, saying what to set', async () => {
    await expect(createEmbedder(loadConfig({ WEDGE_EMBEDDER: 'openai' }))).rejects.toThrow(ConfigError);
    await expect(createEmbedder(loadConfig({ WEDGE_EMBEDDER: 'openai' }))).rejects.toThrow(/OPENAI_API_KEY/);
  });
});
