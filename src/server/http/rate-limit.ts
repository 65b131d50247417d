import type { MiddlewareHandler } from 'hono';
import { RateLimitedError } from '../../errors/wedge-error.js';
import type { AppEnv } from './app-env.js';

/**
 * At most `perMinute` requests per client (API key, or address without auth) in any sliding
 * 60-second window; past it, 429 with Retry-After. Memory is bounded: idle clients are forgotten.
 */
export function rateLimit(perMinute: number, now: () => number = Date.now): MiddlewareHandler<AppEnv> {
  const windowMs = 60_000;
  const hits = new Map<string, number[]>();
  let lastSweep = now();
  return async (c, next) => {
    const at = now();
    if (at - lastSweep > windowMs) {
      for (const [client, times] of hits) if (!times.length || at - times[times.length - 1]! > windowMs) hits.delete(client);
      lastSweep = at;
    }
    const client = c.get('clientId');
    const times = (hits.get(client) ?? []).filter((t) => at - t < windowMs);
    if (times.length >= perMinute) {
      const retryAfter = Math.max(1, Math.ceil((times[0]! + windowMs - at) / 1000));
      c.header('Retry-After', String(retryAfter));
      hits.set(client, times);
      throw new RateLimitedError(retryAfter);
    }
    times.push(at);
    hits.set(client, times);
    await next();
  };
}
