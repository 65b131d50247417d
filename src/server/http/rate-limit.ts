import type { MiddlewareHandler } from 'hono';
import { RateLimitedError } from '../../errors/wedge-error.js';
import type { AppEnv } from './app-env.js';
import { memoryRateWindow, type RateWindow } from './rate-window.js';

/**
 * At most `perMinute` requests per client (API key, or address without auth) in any sliding 60-second window;
 * past it, 429 with Retry-After. The window is this process's own unless one shared by every worker is given.
 */
export function rateLimit(perMinute: number, now: () => number = Date.now, window: RateWindow = memoryRateWindow()): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const waitMs = window.admit(c.get('clientId'), now(), perMinute);
    if (waitMs > 0) {
      const retryAfter = Math.max(1, Math.ceil(waitMs / 1000));
      c.header('Retry-After', String(retryAfter));
      throw new RateLimitedError(retryAfter);
    }
    await next();
  };
}
