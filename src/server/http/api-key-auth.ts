import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { UnauthorizedError } from '../../errors/wedge-error.js';
import type { AppEnv } from './app-env.js';

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * Requires `Authorization: Bearer <key>` matching one of the keys. Keys are compared as SHA-256
 * digests with timingSafeEqual (equal length, constant time); the caller is known from then on by a
 * short hash of its key, so logs and rate limits never hold the key itself.
 */
export function apiKeyAuth(keys: string[]): MiddlewareHandler<AppEnv> {
  const digests = keys.map(digest);
  return async (c, next) => {
    const match = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '');
    const given = match ? digest(match[1]!) : undefined;
    // Compare against every key, whatever the outcome, so timing says nothing about which matched.
    let ok = false;
    for (const expected of digests) if (given && timingSafeEqual(given, expected)) ok = true;
    if (!ok) throw new UnauthorizedError();
    c.set('clientId', `key:${given!.toString('hex').slice(0, 12)}`);
    await next();
  };
}
