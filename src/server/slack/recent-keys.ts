/** The memory behind "answer each Slack event once": true the first time a key is seen within its time to live. */
export interface RecentKeys { firstTime(key: string): boolean }

/** Remembers keys for a while in this process, bounded in size (tests, and a bot without a shared state file). */
export function createRecentKeys(options: { max?: number; ttlMs?: number; now?: () => number } = {}): RecentKeys {
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
