import type { Context } from 'hono';
import type { z } from 'zod';
import { InvalidRequestError, UnsupportedMediaTypeError } from '../../errors/wedge-error.js';

/** Reads a JSON body and validates it with a zod schema: 415 for other content types, 400 for bad JSON or shape. */
export async function readJson<T>(c: Context, schema: z.ZodType<T>): Promise<T> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/([\w.+-]*\+)?json\b/i.test(type)) throw new UnsupportedMediaTypeError(type);
  let body: unknown;
  try {
    body = JSON.parse(await c.req.text());
  } catch {
    throw new InvalidRequestError('Request body is not valid JSON.');
  }
  return schema.parse(body);
}
