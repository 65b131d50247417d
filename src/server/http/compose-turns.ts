/**
 * Gives streamed answers their composing turns one per turn of the event loop, in arrival order. Between two
 * turns Node polls for I/O, so a request that arrives meanwhile sends its retrieved passages before the answers
 * queued ahead of it are composed. (With one plain `setImmediate` per answer, every waiting answer was composed
 * back to back in one check phase, and each new arrival's first event waited behind all of them.)
 */
export function createComposeTurns(): () => Promise<void> {
  let tail: Promise<void> = Promise.resolve();
  return () => {
    const turn = tail.then(() => new Promise<void>((resolve) => setImmediate(resolve)));
    tail = turn;
    return turn;
  };
}
