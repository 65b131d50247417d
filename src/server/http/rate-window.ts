/** A sliding window of each client's recent requests: counts a request when the client is under its limit. */
export interface RateWindow {
  /** Counts a request at `at` (ms) and returns 0, or, when `limit` requests already fall within the window, the ms until the oldest leaves it. */
  admit(client: string, at: number, limit: number): number;
}

/** The window kept in this process's memory (one worker); idle clients are forgotten once a window has passed. */
export function memoryRateWindow(windowMs = 60_000): RateWindow {
  const hits = new Map<string, number[]>();
  let lastSweep = -Infinity;
  return {
    admit(client, at, limit) {
      if (at - lastSweep > windowMs) {
        for (const [id, times] of hits) if (!times.length || at - times[times.length - 1]! > windowMs) hits.delete(id);
        lastSweep = at;
      }
      const times = (hits.get(client) ?? []).filter((t) => at - t < windowMs);
      hits.set(client, times);
      if (times.length >= limit) return Math.max(1, times[0]! + windowMs - at);
      times.push(at);
      return 0;
    },
  };
}
