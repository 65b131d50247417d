import { describe, expect, it } from 'vitest';
import type { AnswerGenerator, GenerateInput } from '../../src/answer/generators/answer-generator.js';
import { CircuitOpenError, withCircuitBreaker } from '../../src/answer/generators/circuit-breaker.js';

const input = { question: 'q', mode: 'answer', hits: [], docs: () => undefined, history: [] } as GenerateInput;

describe('withCircuitBreaker', () => {
  it('opens after N failures in a row, fails fast while open, and closes after a successful trial call', async () => {
    let now = 0;
    let calls = 0;
    let healthy = false;
    const flaky: AnswerGenerator = { name: 'llm', generate: async () => { calls += 1; if (!healthy) throw new Error('timeout'); return { answer: 'ok', citations: [], abstained: false, generator: 'llm' }; } };
    const guarded = withCircuitBreaker(flaky, { failuresToOpen: 2, cooldownMs: 30_000, now: () => now });
    await expect(guarded.generate(input)).rejects.toThrow('timeout');
    await expect(guarded.generate(input)).rejects.toThrow('timeout');
    await expect(guarded.generate(input)).rejects.toThrow(CircuitOpenError);
    await expect(guarded.generate(input)).rejects.toThrow(/for another 30 s/);
    expect(calls).toBe(2);
    now += 30_000;
    healthy = true;
    await expect(guarded.generate(input)).resolves.toMatchObject({ answer: 'ok' });
    healthy = false;
    await expect(guarded.generate(input)).rejects.toThrow('timeout');
    expect(calls).toBe(4);
  });
});
