import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnswerDeps } from '../../../src/answer/answer-question.js';
import { createApp } from '../../../src/server/create-app.js';
import { offlineDeps } from '../../helpers/default-index.js';

let app: ReturnType<typeof createApp>;
const SIGNING = 'prop-test-signing-secret';

beforeAll(async () => {
  const deps: AnswerDeps = await offlineDeps();
  const { createSlackBot } = await import('../../../src/server/slack/slack-bot.js');
  const bot = createSlackBot({ client: {} as never, answer: async () => { throw new Error('not called'); }, postResponse: async () => {}, recordFeedback: async () => {}, log: () => {} });
  app = createApp({ deps: () => deps, maxBodyBytes: 16 * 1024, log: () => {}, slack: { signingSecret: SIGNING, bot } });
});

const ENDPOINTS: Array<[string, string]> = [
  ['POST', '/api/chat'], ['POST', '/api/search'], ['POST', '/api/score'], ['GET', '/api/documents'], ['GET', '/api/documents/%00%2e%2e'],
  ['POST', '/v1/chat/completions'], ['GET', '/v1/models'], ['POST', '/slack/events'], ['POST', '/slack/commands'], ['POST', '/slack/interactions'],
  ['POST', '/admin/reload'], ['GET', '/health'], ['GET', '/metrics'], ['GET', '/'], ['GET', '/ui/..%2f..%2fpackage.json'],
];

/** Hostile bodies: any JSON, prototype-pollution keys, NUL bytes, deep nesting, huge arrays, non-JSON bytes. */
const hostileBody = fc.oneof(
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.record({ messages: fc.array(fc.record({ role: fc.constantFrom('user', 'assistant', 'system', '__proto__'), content: fc.string({ unit: 'binary', maxLength: 300 }) }), { maxLength: 5 }), mode: fc.string(), k: fc.oneof(fc.integer(), fc.double(), fc.string()) }).map((v) => JSON.stringify(v)),
  fc.constantFrom('{"__proto__": {"polluted": true}, "messages": [{"role": "user", "content": "hi"}]}', '{"constructor": {"prototype": {"x": 1}}}', '{"query": "\\u0000\\u0000"}'),
  fc.integer({ min: 1, max: 4000 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth)),
  fc.integer({ min: 1, max: 3000 }).map((n) => JSON.stringify({ messages: Array.from({ length: n }, () => ({ role: 'user', content: 'x' })) })),
  fc.string({ unit: 'binary', maxLength: 500 }),
  fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
);
const contentType = fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', '', 'application/vnd.api+json');

describe('no input, however malformed, produces a 5xx or crashes the process', () => {
  it('every endpoint answers hostile bodies and headers with a non-5xx status and, on errors, the JSON error shape', async () => {
    await fc.assert(fc.asyncProperty(fc.constantFrom(...ENDPOINTS), hostileBody, contentType, fc.option(fc.string({ maxLength: 40 })), async ([method, path], body, type, auth) => {
      const headers: Record<string, string> = {};
      if (type) headers['content-type'] = type;
      if (auth) headers.authorization = auth.replace(/[^\x20-\x7e]/g, '');
      const res = await app.request(path, { method, headers, ...(method === 'GET' ? {} : { body }) });
      expect(res.status, `${method} ${path} with ${type}: ${body.slice(0, 80)}`).toBeLessThan(500);
      if (res.status >= 400 && res.headers.get('content-type')?.includes('json')) {
        const json = await res.json() as { error?: { code?: unknown; message?: unknown } };
        expect(typeof json.error?.code).toBe('string');
        expect(typeof json.error?.message).toBe('string');
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    }), { numRuns: 400 });
  }, 120_000);
});
