import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { APIError } from 'openai';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ZodError } from 'zod';
import { WedgeError } from '../../errors/wedge-error.js';

/** The one error shape every endpoint returns. */
export interface ErrorBody { error: { code: string; message: string; details?: unknown } }

/** Maps any thrown value to a status and the JSON error shape; unknown errors become a 500 without internals. */
export function toErrorBody(error: unknown): { status: ContentfulStatusCode; body: ErrorBody } {
  if (error instanceof WedgeError) {
    return { status: error.status as ContentfulStatusCode, body: { error: { code: error.code, message: error.message, ...(error.details !== undefined ? { details: error.details } : {}) } } };
  }
  if (error instanceof ZodError) {
    const details = error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
    return { status: 400, body: { error: { code: 'invalid_request', message: `Invalid request: ${details.map((d) => `${d.path || 'body'}: ${d.message}`).join('; ')}`, details } } };
  }
  if (error instanceof HTTPException) {
    return { status: error.status as ContentfulStatusCode, body: { error: { code: error.status === 413 ? 'payload_too_large' : 'http_error', message: error.message || 'Request failed' } } };
  }
  // openai-node's APIError: the upstream model server failed after the SDK's own retries.
  if (error instanceof APIError) {
    return { status: 502, body: { error: { code: 'upstream_error', message: `The model server failed${error.status ? ` (HTTP ${error.status})` : ''}.` } } };
  }
  return { status: 500, body: { error: { code: 'internal_error', message: 'Internal server error.' } } };
}

/** Hono's app.onError handler: logs unexpected errors (server side only) and answers with the JSON shape. */
export function handleError(log: (message: string) => void) {
  return (error: Error, c: Context<any>) => {
    const { status, body } = toErrorBody(error);
    if (status >= 500) log(`${c.req.method} ${c.req.path} failed: ${error.stack ?? error.message}`);
    return c.json(body, status);
  };
}
