import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answersNeedSignal, type AnswerDeps } from '../../../src/answer/answer-question.js';
import { withCircuitBreaker } from '../../../src/answer/generators/circuit-breaker.js';
import type { AnswerGenerator, GenerateInput } from '../../../src/answer/generators/answer-generator.js';
import { createApp } from '../../../src/server/create-app.js';
import { offlineDeps } from '../../helpers/default-index.js';
import { serveOnFreePort } from '../../helpers/serve-app.js';

let deps: AnswerDeps;
const stops: Array<() => Promise<void>> = [];
beforeAll(async () => { deps = await offlineDeps(); });
afterAll(async () => { await Promise.all(stops.map((stop) => stop())); });

async function serveWith(generator: AnswerGenerator): Promise<string> {
  const server = await serveOnFreePort(createApp({ deps: () => ({ ...deps, generator }), log: () => {} }));
  stops.push(server.close);
  return server.origin;
}

const ask = (origin: string, signal?: AbortSignal) => fetch(`${origin}/api/chat`, {
  method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ messages: [{ role: 'user', content: 'What does China fear?' }] }), signal,
});

describe('POST /api/chat hands a generator the request\'s AbortSignal only when it can use one', () => {
  it('gives a generator that may wait on the outside a signal that aborts when the client goes away', async () => {
    let entered!: () => void;
    const started = new Promise<void>((resolve) => { entered = resolve; });
    let seen: AbortSignal | undefined;
    const waiting: AnswerGenerator = {
      name: 'waits',
      generate: (input: GenerateInput) => new Promise((_, reject) => {
        seen = input.signal;
        input.signal?.addEventListener('abort', () => reject(new Error('aborted')), { once: true });
        entered();
      }),
    };
    const client = new AbortController();
    const response = ask(await serveWith(waiting), client.signal).catch((error: Error) => error);
    await started;
    client.abort();
    await response;
    expect(seen).toBeInstanceOf(AbortSignal);
    await expect.poll(() => seen!.aborted).toBe(true);
  });

  it('makes no signal for the offline generator, and still answers', async () => {
    let seen: AbortSignal | undefined = new AbortController().signal;
    const offline: AnswerGenerator = { name: 'extractive', usesSignal: false, generate: (input) => { seen = input.signal; return deps.generator.generate(input); } };
    const response = await ask(await serveWith(offline));
    expect(response.status).toBe(200);
    expect(((await response.json()) as { citations: unknown[] }).citations.length).toBeGreaterThan(0);
    expect(seen).toBeUndefined();
  });

  it('counts a condenser or an undeclared generator as needing one, and the circuit breaker keeps what its generator says', () => {
    expect(answersNeedSignal(deps)).toBe(false);
    expect(answersNeedSignal({ ...deps, condense: async () => ({ question: 'q', context: '' }) })).toBe(true);
    expect(answersNeedSignal({ ...deps, generator: { name: 'llm', generate: deps.generator.generate } })).toBe(true);
    expect(answersNeedSignal({ ...deps, generator: withCircuitBreaker(deps.generator, { failuresToOpen: 3, cooldownMs: 1000 }) })).toBe(false);
  });
});
