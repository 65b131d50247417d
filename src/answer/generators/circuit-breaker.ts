import { UpstreamError } from '../../errors/wedge-error.js';
import type { AnswerGenerator } from './answer-generator.js';

/** The generator failed too often lately; calls are refused until the cool-down ends. */
export class CircuitOpenError extends UpstreamError {
  constructor(seconds: number) { super(`the model server failed repeatedly; not calling it for another ${seconds} s`); }
}

/**
 * Wraps a generator so a dead model server does not make every request wait for its timeout: after
 * `failuresToOpen` failures in a row the circuit opens and calls fail at once (the caller falls back);
 * after `cooldownMs` one trial call is let through, and a success closes the circuit again.
 */
export function withCircuitBreaker(generator: AnswerGenerator, options: { failuresToOpen: number; cooldownMs: number; now?: () => number }): AnswerGenerator {
  const now = options.now ?? Date.now;
  let failures = 0;
  let openedAt: number | undefined;
  return {
    name: generator.name,
    ...(generator.usesSignal === undefined ? {} : { usesSignal: generator.usesSignal }),
    async generate(input) {
      if (openedAt !== undefined) {
        const left = openedAt + options.cooldownMs - now();
        if (left > 0) throw new CircuitOpenError(Math.ceil(left / 1000));
      }
      try {
        const draft = await generator.generate(input);
        failures = 0;
        openedAt = undefined;
        return draft;
      } catch (error) {
        // A client that went away is not the model server's fault.
        if (!input.signal?.aborted) {
          failures += 1;
          if (failures >= options.failuresToOpen) openedAt = now();
        }
        throw error;
      }
    },
  };
}
