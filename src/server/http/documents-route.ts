import { Hono } from 'hono';
import { NotFoundError } from '../../errors/wedge-error.js';
import type { Retriever } from '../../retrieval/create-retriever.js';

/** GET /api/documents and /api/documents/:id: article metadata, and the full body that citation offsets point into. */
export function documentsRoutes(getRetriever: () => Retriever): Hono {
  const app = new Hono();
  app.get('/', (c) => c.json({
    documents: [...getRetriever().index.docs.values()].map(({ meta, body }) => ({ ...meta, chars: body.length })),
  }));
  app.get('/:id', (c) => {
    const doc = getRetriever().index.docs.get(c.req.param('id'));
    if (!doc) throw new NotFoundError(`No document with id "${c.req.param('id')}". GET /api/documents lists them.`);
    return c.json({ ...doc.meta, text: doc.body });
  });
  return app;
}
