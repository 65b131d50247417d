import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/load-config.js';
import { loadCorpus } from '../../../src/corpus/load-corpus.js';
import { buildIndex } from '../../../src/indexing/build-index.js';
import { createAnswerService } from '../../../src/server/answer-service.js';
import { createApp } from '../../../src/server/create-app.js';
import { gloveEmbedder } from '../../helpers/glove.js';
import { useTempDirs } from '../../helpers/temp-dir.js';

const tempDir = useTempDirs();

describe('hot re-index', () => {
  it('swaps in a rebuilt index atomically: requests in flight finish, none fails, new articles answer afterwards', async () => {
    const indexDir = await tempDir();
    const embedder = await gloveEmbedder();
    const { articles } = await loadCorpus('corpus');
    await buildIndex({ articles, embedder, indexDir });
    const config = { ...loadConfig({ WEDGE_CACHE_DIR: 'indexes/.cache' }), indexDir };
    const logs: string[] = [];
    const service = await createAnswerService(config, { log: (m) => logs.push(m) });
    const app = createApp({ deps: service.current, reload: service.reload, apiKeys: ['reload-key-0123456789'] });
    const ask = (content: string) => app.request('/api/chat', { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer reload-key-0123456789' }, body: JSON.stringify({ messages: [{ role: 'user', content }] }) });
    const before = service.current().retriever.index.manifest.buildId;
    expect(((await (await ask('What did the Arctic shipping memo say about Murmansk icebreakers?')).json()) as { abstained: boolean }).abstained).toBe(true);

    const extra = { meta: { id: 'arctic-memo', title: 'Arctic shipping memo' }, body: 'The Arctic shipping memo says Murmansk icebreakers will escort Chinese cargo ships along the Northern Sea Route every summer.\n', file: 'x.md' };
    await buildIndex({ articles: [...articles, extra], embedder, indexDir });
    const inFlight = Array.from({ length: 40 }, (_, i) => ask(i % 2 ? 'What does China fear?' : "Why won't the split work?"));
    const reload = service.reload();
    const statuses = (await Promise.all(inFlight)).map((r) => r.status);
    expect(statuses.every((s) => s === 200)).toBe(true);
    expect(await reload).toMatchObject({ changed: true });
    expect(service.current().retriever.index.manifest.buildId).not.toBe(before);
    const after = await (await ask('What did the Arctic shipping memo say about Murmansk icebreakers?')).json() as { abstained: boolean; citations: Array<{ docId: string }> };
    expect(after.abstained).toBe(false);
    expect(after.citations[0]?.docId).toBe('arctic-memo');
    expect(await (await app.request('/admin/reload', { method: 'POST', headers: { authorization: 'Bearer reload-key-0123456789' } })).json()).toMatchObject({ changed: false });
    expect(logs.join('\n')).toMatch(/Index reloaded: /);
  });
});
