/** Remembers keys for a while, bounded in size: the memory behind "answer each Slack event once". */
export function createRecentKeys(options: { max?: number; ttlMs?: number; now?: () => number } = {}) {
  const { max = 5000, ttlMs = 60 * 60 * 1000, now = Date.now } = options;
  const seen = new Map<string, number>();
  return {
    /** True the first time a key is seen (within the time to live), false after. */
    firstTime(key: string): boolean {
      const at = now();
      const previous = seen.get(key);
      if (previous !== undefined && at - previous < ttlMs) return false;
      seen.delete(key);
      seen.set(key, at);
      // Maps iterate in insertion order, so the first keys are the oldest.
      while (seen.size > max) seen.delete(seen.keys().next().value as string);
      return true;
    },
  };
}
