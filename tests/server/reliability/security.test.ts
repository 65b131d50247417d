import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnswerDeps } from '../../../src/answer/answer-question.js';
import type { AnswerResult } from '../../../src/answer/answer-result.js';
import { createAnswerCache } from '../../../src/answer/answer-cache.js';
import { createApp } from '../../../src/server/create-app.js';
import { offlineDeps } from '../../helpers/default-index.js';
import { serveOnFreePort } from '../../helpers/serve-app.js';

const KEY = 'test-key-0123456789abcdef';
let deps: AnswerDeps;
const logLines: string[] = [];
const logger = pino({ level: 'info' }, new Writable({ write(chunk, _enc, done) { logLines.push(String(chunk)); done(); } }));

beforeAll(async () => { deps = await offlineDeps(); });

// Every app here runs behind a real socket on a free port; `request` mirrors Hono's app.request over fetch.
const running: Array<() => Promise<void>> = [];
afterAll(async () => { await Promise.all(running.map((close) => close())); });
async function live(options: Parameters<typeof createApp>[0]) {
  const server = await serveOnFreePort(createApp(options));
  running.push(server.close);
  return { request: (path: string, init: RequestInit = {}) => fetch(`${server.origin}${path}`, init) };
}

const chat = (app: { request: (path: string, init?: RequestInit) => Promise<Response> }, headers: Record<string, string> = {}) => app.request('/api/chat', {
  method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ messages: [{ role: 'user', content: 'What does China fear?' }] }),
});

describe('API keys', () => {
  it('require Bearer auth on /api, /v1 and /metrics when WEDGE_API_KEYS is set, leave /health and the chat page open, and never log the key', async () => {
    let now = 0;
    const app = await live({ deps: () => deps, apiKeys: [KEY, 'second-key-0123456789'], logger, clock: () => new Date(now) });
    const denied = await chat(app);
    expect(denied.status).toBe(401);
    expect(await denied.json()).toEqual({ error: { code: 'unauthorized', message: 'Send a valid API key as "Authorization: Bearer <key>".' } });
    expect((await chat(app, { authorization: 'Bearer wrong-key-0123456789abc' })).status).toBe(401);
    expect((await chat(app, { authorization: `Bearer ${KEY}` })).status).toBe(200);
    expect((await chat(app, { authorization: 'Bearer second-key-0123456789' })).status).toBe(200);
    expect((await app.request('/v1/models')).status).toBe(401);
    expect((await app.request('/metrics')).status).toBe(401);
    expect((await app.request('/health')).status).toBe(200);
    expect((await app.request('/')).status).toBe(200);
    now += 1;
    const logs = logLines.join('');
    expect(logs).toMatch(/"client":"key:[0-9a-f]{12}"/);
    expect(logs).not.toContain(KEY);
    expect(logs).not.toContain('second-key');
  });

  it('refuse POST /admin/reload without configured keys, and answer it with one', async () => {
    const open = await live({ deps: () => deps });
    expect(await (await open.request('/admin/reload', { method: 'POST' })).json()).toMatchObject({ error: { code: 'forbidden' } });
    const keyed = await live({ deps: () => deps, apiKeys: [KEY], reload: async () => ({ buildId: 'b2', changed: true }) });
    expect(await (await keyed.request('/admin/reload', { method: 'POST', headers: { authorization: `Bearer ${KEY}` } })).json()).toEqual({ buildId: 'b2', changed: true });
  });
});

describe('rate limiting', () => {
  it('answers 429 with Retry-After past WEDGE_RATE_LIMIT_PER_MIN, per key, and lets the caller back in after the window', async () => {
    let now = 1_000_000;
    const app = await live({ deps: () => deps, apiKeys: [KEY, 'other-key-0123456789ab'], rateLimitPerMin: 2, clock: () => new Date(now) });
    const auth = { authorization: `Bearer ${KEY}` };
    expect((await chat(app, auth)).status).toBe(200);
    now += 10_000;
    expect((await chat(app, auth)).status).toBe(200);
    const limited = await chat(app, auth);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('50');
    expect(await limited.json()).toMatchObject({ error: { code: 'rate_limited', details: { retryAfter: 50 } } });
    expect((await chat(app, { authorization: 'Bearer other-key-0123456789ab' })).status).toBe(200);
    now += 50_001;
    expect((await chat(app, auth)).status).toBe(200);
  });
});

describe('headers', () => {
  it('sends a Content-Security-Policy the chat page works under, nosniff, and a request id', async () => {
    const app = await live({ deps: () => deps });
    const page = await app.request('/');
    expect(page.headers.get('content-security-policy')).toBe("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect((await app.request('/health', { headers: { 'x-request-id': 'trace-42' } })).headers.get('x-request-id')).toBe('trace-42');
    expect((await app.request('/health', { headers: { 'x-request-id': 'bad id; with spaces' } })).headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('keeps CORS off by default and allows only the listed origins when WEDGE_CORS_ORIGINS is set', async () => {
    const closed = await live({ deps: () => deps });
    expect((await closed.request('/api/documents', { headers: { origin: 'https://evil.example' } })).headers.get('access-control-allow-origin')).toBeNull();
    const open = await live({ deps: () => deps, corsOrigins: ['https://team.example'] });
    expect((await open.request('/api/documents', { headers: { origin: 'https://team.example' } })).headers.get('access-control-allow-origin')).toBe('https://team.example');
    expect((await open.request('/api/documents', { headers: { origin: 'https://evil.example' } })).headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('GET /metrics', () => {
  it('reports request counts and latency by route, fallbacks and index size in Prometheus format', async () => {
    const app = await live({ deps: () => deps });
    await chat(app);
    await app.request('/nope');
    const text = await (await app.request('/metrics')).text();
    expect(text).toMatch(/wedge_http_requests_total\{route="\/api\/chat",method="POST",status="200"\} 1/);
    expect(text).toMatch(/wedge_http_request_duration_seconds_bucket\{le="[\d.]+",route="\/api\/chat",method="POST"\} \d/);
    expect(text).toMatch(/wedge_generator_fallbacks_total 0/);
    expect(text).toMatch(/wedge_index_chunks \d+/);
    expect(text).toMatch(/wedge_index_documents 5/);
    expect(text).not.toMatch(/nodejs_eventloop_lag/);
  });

  it('reports the process’s event-loop delay, GC and heap when the app is the one a server runs', async () => {
    const app = await live({ deps: () => deps, processMetrics: true });
    await chat(app);
    const text = await (await app.request('/metrics')).text();
    expect(text).toMatch(/nodejs_eventloop_lag_p99_seconds [\d.e-]+/);
    expect(text).toMatch(/nodejs_eventloop_lag_max_seconds [\d.e-]+/);
    expect(text).toMatch(/nodejs_heap_size_used_bytes \d+/);
  });
});

describe('answer cache over HTTP', () => {
  it('serves a question asked again from the cache, as JSON and as a stream, and counts it in /metrics', async () => {
    const withCache: AnswerDeps = { ...deps, answerCache: createAnswerCache(10) };
    const app = await live({ deps: () => withCache });
    const first = await (await chat(app)).json() as AnswerResult;
    const again = await (await chat(app)).json() as AnswerResult;
    expect(first.cached).toBeUndefined();
    expect(again.cached).toBe(true);
    expect(again.answer).toBe(first.answer);
    expect(again.citations).toEqual(first.citations);
    const streamed = await (await chat(app, { accept: 'text/event-stream' })).text();
    expect(streamed).toMatch(/event: citations\ndata: \{"stage":"retrieved","passages":\[\{/);
    expect(streamed).toMatch(/event: done\ndata: .*"cached":true/);
    expect(await (await app.request('/metrics')).text()).toMatch(/wedge_answers_cached_total 2/);
  });
});

describe('body limits', () => {
  it('rejects a chunked body over the limit with 413 and reads one under it, without Content-Length', async () => {
    const app = await live({ deps: () => deps, maxBodyBytes: 1024 });
    const chunked = (text: string) => new ReadableStream<Uint8Array>({ start(controller) { for (const part of text.match(/.{1,100}/gs) ?? []) controller.enqueue(new TextEncoder().encode(part)); controller.close(); } });
    const big = await app.request('/api/search', { method: 'POST', headers: { 'content-type': 'application/json' }, body: chunked(JSON.stringify({ query: 'x'.repeat(3000) })), duplex: 'half' } as RequestInit);
    expect(big.status).toBe(413);
    const small = await app.request('/api/search', { method: 'POST', headers: { 'content-type': 'application/json' }, body: chunked(JSON.stringify({ query: 'Strait of Malacca', k: 1 })), duplex: 'half' } as RequestInit);
    expect(small.status).toBe(200);
    expect(((await small.json()) as { hits: unknown[] }).hits).toHaveLength(1);
  });
});
