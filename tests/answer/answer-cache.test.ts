import { beforeAll, describe, expect, it } from 'vitest';
import { answerCacheKey, createAnswerCache } from '../../src/answer/answer-cache.js';
import { answerQuestion, type AnswerDeps } from '../../src/answer/answer-question.js';
import type { AnswerGenerator } from '../../src/answer/generators/answer-generator.js';
import type { Hit } from '../../src/retrieval/hit.js';
import { offlineDeps } from '../helpers/default-index.js';

describe('answer cache', () => {
  let base: AnswerDeps;
  beforeAll(async () => { base = await offlineDeps(); });

  /** The offline generator, counting its calls, and optionally marking its drafts degraded. */
  const counting = (degraded = false) => {
    const calls = { n: 0 };
    const generator: AnswerGenerator = { name: 'extractive', generate: async (input) => { calls.n += 1; return { ...await base.generator.generate(input), ...(degraded ? { degraded: true } : {}) }; } };
    return { calls, generator };
  };
  const question = 'Why does Russia depend on China?';

  it('answers a question asked again from the cache, replaying its retrieved passages, under a new id', async () => {
    const { calls, generator } = counting();
    let id = 0;
    const deps: AnswerDeps = { ...base, generator, answerCache: createAnswerCache(10), newId: () => `ans_${(id += 1)}` };
    const first = await answerQuestion(deps, { messages: [{ role: 'user', content: question }], mode: 'answer' });
    const replayed: Hit[][] = [];
    const again = await answerQuestion(deps, { messages: [{ role: 'user', content: `  ${question.replace(' ', '   ')} ` }], mode: 'answer', onRetrieved: (hits) => { replayed.push(hits); } });
    expect(calls.n).toBe(1);
    expect(again.cached).toBe(true);
    expect(first.cached).toBeUndefined();
    expect(again.id).not.toBe(first.id);
    expect({ ...again, id: first.id, cached: undefined, timings: first.timings }).toEqual(first);
    expect(replayed).toHaveLength(1);
    expect(replayed[0]!.length).toBeGreaterThan(0);
  });

  it('answers afresh in the other mode, with another k, or when the answer was degraded', async () => {
    const { calls, generator } = counting();
    const deps: AnswerDeps = { ...base, generator, answerCache: createAnswerCache(10) };
    const messages = [{ role: 'user' as const, content: question }];
    await answerQuestion(deps, { messages, mode: 'answer' });
    await answerQuestion(deps, { messages, mode: 'answer', k: 5 });
    expect(calls.n).toBe(2);
    const failing = counting(true);
    const degradedDeps: AnswerDeps = { ...base, generator: failing.generator, answerCache: createAnswerCache(10) };
    await answerQuestion(degradedDeps, { messages, mode: 'answer' });
    await answerQuestion(degradedDeps, { messages, mode: 'answer' });
    expect(failing.calls.n).toBe(2);
  });

  it('keys by the index build, so a re-indexed corpus is answered afresh', () => {
    const parts = { buildId: 'b1', generator: 'extractive', mode: 'answer' as const, k: 8, messages: [{ role: 'user' as const, content: 'Why?' }] };
    expect(answerCacheKey(parts)).toBe(answerCacheKey({ ...parts, messages: [{ role: 'user', content: ' Why? ' }] }));
    expect(answerCacheKey(parts)).not.toBe(answerCacheKey({ ...parts, buildId: 'b2' }));
    expect(answerCacheKey(parts)).not.toBe(answerCacheKey({ ...parts, messages: [{ role: 'user', content: 'why?' }] }));
  });

  it('keeps at most its number of answers, dropping the least recently used', () => {
    const cache = createAnswerCache(2);
    const value = { result: {} as never, hits: [] };
    cache.put('a', value);
    cache.put('b', value);
    cache.get('a');
    cache.put('c', value);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(value);
    expect(cache.get('c')).toBe(value);
  });
});
