import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnswerDeps } from '../../src/answer/answer-question.js';
import { answerResultSchema, type AnswerResult } from '../../src/answer/answer-result.js';
import { createApp } from '../../src/server/create-app.js';
import { offlineDeps, postgresOfflineDeps } from '../helpers/default-index.js';
import { readSse } from '../helpers/read-sse.js';

let deps: AnswerDeps;
let app: ReturnType<typeof createApp>;
const logged: string[] = [];

beforeAll(async () => {
  deps = await offlineDeps();
  app = createApp({ deps: () => deps, maxBodyBytes: 8 * 1024, log: (m) => logged.push(m), clock: () => new Date('2026-11-23T00:00:00Z') });
});

const post = (path: string, body: unknown, headers: Record<string, string> = {}) => app.request(path, {
  method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body),
});

async function documentText(docId: string): Promise<string> {
  return ((await (await app.request(`/api/documents/${docId}`)).json()) as { text: string }).text;
}

const stops: Array<() => Promise<void>> = [];
afterAll(async () => { await Promise.all(stops.map((stop) => stop())); });

/** The answer suite runs on both stores: local files (hnswlib + MiniSearch) and Postgres (pgvector + full-text search). */
const stores: Array<[string, () => Promise<AnswerDeps>]> = [
  ['local store', async () => deps],
  ['postgres store', async () => { const pg = await postgresOfflineDeps(); stops.push(pg.stop); return pg.deps; }],
];

describe.each(stores)('POST /api/chat on the %s', (_store, open) => {
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    const storeDeps = await open();
    app = createApp({ deps: () => storeDeps, maxBodyBytes: 8 * 1024, log: () => {}, clock: () => new Date('2026-11-23T00:00:00Z') });
  }, 120_000);
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) => app.request(path, {
    method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body),
  });
  const expectVerbatim = async (result: AnswerResult) => {
    for (const citation of result.citations) {
      const text = ((await (await app.request(`/api/documents/${citation.docId}`)).json()) as { text: string }).text;
      expect(text.slice(citation.start, citation.end)).toBe(citation.quote);
    }
  };

  it('answers with sentences that each carry [n] markers referring to verbatim citations at their offsets', async () => {
    const res = await post('/api/chat', { messages: [{ role: 'user', content: "Why won't Trump's bid to split Russia from China work?" }] });
    expect(res.status).toBe(200);
    const result = answerResultSchema.parse(await res.json());
    expect(result).toMatchObject({ mode: 'answer', abstained: false, generator: 'extractive' });
    expect(result.citations.length).toBeGreaterThanOrEqual(2);
    const markers = [...result.answer.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
    expect(new Set(markers)).toEqual(new Set(result.citations.map((c) => c.n)));
    for (const line of result.answer.split('\n').filter((l) => l.startsWith('- ') || l.startsWith('**In short'))) expect(line).toMatch(/\[\d+\]$/);
    await expectVerbatim(result);
    expect(result.citations[0]).toMatchObject({ title: expect.any(String), chunkId: expect.any(String) });
  });

  it('steelmans both sides: each side has a thesis, cited points and a support count, and the answer states the balance', async () => {
    const res = await post('/api/chat', { messages: [{ role: 'user', content: 'Steelman both sides: can the US pull Russia away from China?' }], mode: 'steelman' });
    const result = answerResultSchema.parse(await res.json());
    expect(result.sides).toHaveLength(2);
    expect(result.sides!.map((s) => s.label)).toEqual(['The split can work', "The split won't work"]);
    for (const side of result.sides!) {
      expect(side.points.length).toBeGreaterThan(0);
      expect(side.supportCount).toBeGreaterThanOrEqual(side.points.length > 0 ? 1 : 0);
      for (const point of side.points) expect(result.citations.find((c) => c.n === point.citations[0])?.quote).toBe(point.text);
    }
    expect(result.answer).toMatch(/\*\*Balance:\*\*/);
    await expectVerbatim(result);
  });

  it('says plainly that the articles do not cover an off-topic question, with no citations', async () => {
    const result = answerResultSchema.parse(await (await post('/api/chat', { messages: [{ role: 'user', content: 'Who won the Super Bowl?' }] })).json());
    expect(result.abstained).toBe(true);
    expect(result.citations).toEqual([]);
    expect(result.answer).toMatch(/^The articles don't cover this\. None of them mentions “Super Bowl”\./);
  });

  it('uses earlier turns for a follow-up: "What does he say about the border?" after asking about Jin Canrong', async () => {
    const result = answerResultSchema.parse(await (await post('/api/chat', { messages: [
      { role: 'user', content: 'Who is Jin Canrong?' },
      { role: 'assistant', content: 'Jin Canrong is Vice Dean of the School of International Relations at Renmin University.' },
      { role: 'user', content: 'What does he say about the border?' },
    ] })).json());
    expect(result.abstained).toBe(false);
    expect(result.citations[0]?.docId).toBe('jin-canrong-not-that-easy');
    expect(result.citations.some((c) => /border/.test(c.quote))).toBe(true);
  });

  it('streams Server-Sent Events: retrieved passages, final citations, deltas that join to the answer, then done', async () => {
    const res = await post('/api/chat', { messages: [{ role: 'user', content: 'What does China fear?' }] }, { accept: 'text/event-stream' });
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const events = await readSse(res);
    const names = events.map((e) => e.event);
    expect(names[0]).toBe('citations');
    expect(names[1]).toBe('citations');
    expect(names[names.length - 1]).toBe('done');
    expect(names.filter((n) => n === 'delta').length).toBeGreaterThan(1);
    const done = answerResultSchema.parse(JSON.parse(events[events.length - 1]!.data));
    const text = events.filter((e) => e.event === 'delta').map((e) => (JSON.parse(e.data) as { text: string }).text).join('');
    expect(text).toBe(done.answer);
    expect(JSON.parse(events[1]!.data).citations).toEqual(done.citations);
  });

  it('sends event: error in the JSON error shape when answering fails mid-stream', async () => {
    const broken = createApp({ deps: () => ({ ...deps, generator: { name: 'broken', generate: async () => { throw new Error('generator exploded'); } } }), log: () => {} });
    const res = await broken.request('/api/chat', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ messages: [{ role: 'user', content: 'What does China fear?' }], stream: true }) });
    const events = await readSse(res);
    const error = events.find((e) => e.event === 'error');
    expect(JSON.parse(error!.data)).toEqual({ error: { code: 'internal_error', message: 'Internal server error.' } });
    expect(events.some((e) => e.event === 'done')).toBe(false);
  });
});

describe('errors share one JSON shape with the right status', () => {
  it('400 with zod issues for a bad body, naming the field', async () => {
    const res = await post('/api/chat', { messages: [{ role: 'robot', content: 'hi' }], k: 999 });
    expect(res.status).toBe(400);
    const body = await res.json() as { error: { code: string; message: string; details: Array<{ path: string }> } };
    expect(body.error.code).toBe('invalid_request');
    expect(body.error.details.map((d) => d.path)).toEqual(expect.arrayContaining(['messages.0.role', 'k']));
  });
  it('400 for broken JSON and for a conversation that does not end with a user question', async () => {
    expect((await post('/api/chat', '{"messages": [')).status).toBe(400);
    const res = await post('/api/chat', { messages: [{ role: 'assistant', content: 'hello' }] });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/last message must be from the user/);
  });
  it('415 for a body that is not JSON, 413 for one over the limit, 404 for unknown routes and documents', async () => {
    expect((await app.request('/api/chat', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hi' })).status).toBe(415);
    const huge = await post('/api/chat', { messages: [{ role: 'user', content: 'x'.repeat(3000) }, { role: 'user', content: 'y'.repeat(3000) }, { role: 'user', content: 'z'.repeat(3000) }] });
    expect(huge.status).toBe(413);
    expect(await huge.json()).toMatchObject({ error: { code: 'payload_too_large' } });
    expect(await (await app.request('/nope')).json()).toEqual({ error: { code: 'not_found', message: 'No route GET /nope.' } });
    expect((await app.request('/api/documents/missing')).status).toBe(404);
  });
  it('500 without a stack trace when something unexpected breaks, logged server side only', async () => {
    const broken = createApp({ deps: () => ({ ...deps, generator: { name: 'broken', generate: async () => { throw new Error('secret internals at /srv/x.js:1'); } } }), log: (m) => logged.push(m) });
    const res = await broken.request('/api/chat', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ messages: [{ role: 'user', content: 'What does China fear?' }] }) });
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ error: { code: 'internal_error', message: 'Internal server error.' } });
    expect(text).not.toMatch(/secret internals|\.js:\d/);
    expect(logged.join('\n')).toMatch(/secret internals/);
  });
});

describe('search, documents and health', () => {
  it('POST /api/search returns ranked hits with offsets into /api/documents/:id', async () => {
    const { hits } = await (await post('/api/search', { query: 'Strait of Malacca', k: 3 })).json() as { hits: Array<{ docId: string; start: number; end: number; text: string }> };
    expect(hits).toHaveLength(3);
    expect((await documentText(hits[0]!.docId)).slice(hits[0]!.start, hits[0]!.end)).toBe(hits[0]!.text);
  });
  it('GET /api/documents lists all five articles with metadata', async () => {
    const { documents } = await (await app.request('/api/documents')).json() as { documents: Array<{ id: string; title: string; chars: number }> };
    expect(documents).toHaveLength(5);
    expect(documents.find((d) => d.id === 'jin-canrong-not-that-easy')).toMatchObject({ author: 'Jin Canrong', date: '2025-02-14' });
    for (const doc of documents) expect(doc.chars).toBe((await documentText(doc.id)).length);
  });
  it('GET /health reports the index and the generator', async () => {
    expect(await (await app.request('/health')).json()).toMatchObject({ status: 'ok', index: { docs: 5, embedder: 'glove-sg-100d/sif' }, generator: 'extractive' });
  });
});

describe('POST /api/score', () => {
  it('scores answers in the same format and with the same output as wedge score', async () => {
    const res = await post('/api/score', { items: [{ id: 'a', answer: 'Trade between Moscow and Beijing now tops $200bn [1].', citations: [{ n: 1, quote: 'Trade between Moscow and Beijing now tops $200bn.' }] }] });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ aggregate: { items: 1, citationValidity: 1, citationRecall: 1, citationPrecision: 1, faithfulness: 1 }, items: [{ id: 'a', citations: [{ valid: true, docId: 'paulsen-peel-russia-from-china' }] }] });
    expect((await post('/api/score', { items: [] })).status).toBe(400);
  });
});
