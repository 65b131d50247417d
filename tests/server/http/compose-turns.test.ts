import { describe, expect, it } from 'vitest';
import { createComposeTurns } from '../../../src/server/http/compose-turns.js';

describe('createComposeTurns', () => {
  it('gives waiters their turns in arrival order, one per turn of the event loop, so what falls due during a turn runs before the next', async () => {
    const turn = createComposeTurns();
    const events: string[] = [];
    const waiters = [0, 1, 2].map((n) => turn().then(() => {
      events.push(`turn ${n}`);
      if (n !== 0) return;
      // A timer that falls due while turn 0 runs stands for a request arriving meanwhile.
      setTimeout(() => events.push('due during turn 0'), 0);
      const until = performance.now() + 5;
      while (performance.now() < until);
    }));
    await Promise.all(waiters);
    expect(events).toEqual(['turn 0', 'due during turn 0', 'turn 1', 'turn 2']);
  });

  it('keeps giving turns after a waiter that fails', async () => {
    const turn = createComposeTurns();
    const failed = turn().then(() => { throw new Error('boom'); });
    await expect(failed).rejects.toThrow('boom');
    await expect(turn()).resolves.toBeUndefined();
  });
});
