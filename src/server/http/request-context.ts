import { randomUUID } from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { MiddlewareHandler } from 'hono';
import type { Logger } from 'pino';
import type { AppEnv } from './app-env.js';

const SAFE_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** The caller's address; "unknown" when the request did not come over a socket (app.request in tests). */
function remoteAddress(c: Parameters<MiddlewareHandler>[0]): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/**
 * Gives every request an id (the caller's X-Request-Id when it is safe, else a new one), returns it
 * as X-Request-Id, and logs one structured line when the response is done. Never logs headers or keys.
 */
export function requestContext(logger: Logger, onDone?: (route: string, method: string, status: number, seconds: number) => void): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const incoming = c.req.header('x-request-id');
    const requestId = incoming && SAFE_ID.test(incoming) ? incoming : randomUUID();
    const started = performance.now();
    c.set('requestId', requestId);
    c.set('clientId', `ip:${remoteAddress(c)}`);
    c.set('logger', logger.child({ requestId }));
    c.header('X-Request-Id', requestId);
    await next();
    const seconds = (performance.now() - started) / 1000;
    const route = c.req.routePath || c.req.path;
    onDone?.(route, c.req.method, c.res.status, seconds);
    c.get('logger').info({ method: c.req.method, path: c.req.path, route, status: c.res.status, ms: Math.round(seconds * 1000), client: c.get('clientId') }, 'request');
  };
}
