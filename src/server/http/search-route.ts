import type { Context } from 'hono';
import type { Retriever } from '../../retrieval/create-retriever.js';
import { readJson } from './read-json.js';
import { searchRequestSchema } from './request-schemas.js';

/** POST /api/search: the ranked passages for a query, as `wedge search --json` prints them. */
export function searchRoute(getRetriever: () => Retriever) {
  return async (c: Context) => {
    const { query, k } = await readJson(c, searchRequestSchema);
    return c.json({ hits: await getRetriever().search(query, { k: k ?? 8 }) });
  };
}
