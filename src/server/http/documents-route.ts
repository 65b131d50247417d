import { Hono } from 'hono';
import { NotFoundError } from '../../errors/wedge-error.js';
import type { Retriever } from '../../retrieval/create-retriever.js';

/** GET /api/documents and /api/documents/:id: article metadata, and the full body that citation offsets point into. */
export function documentsRoutes(getRetriever: () => Retriever): Hono {
  const app = new Hono();
  app.get('/', (c) => c.json({
    // The lengths are known without reading any body: a listing of thousands of articles reads none.
    documents: [...getRetriever().index.docs.values()].map(({ meta, chars }) => ({ ...meta, chars })),
  }));
  app.get('/:id', (c) => {
    const doc = getRetriever().index.docs.get(c.req.param('id'));
    if (!doc) throw new NotFoundError(`No document with id "${c.req.param('id')}". GET /api/documents lists them.`);
    return c.json({ ...doc.meta, text: doc.body });
  });
  return app;
}
