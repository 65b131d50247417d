import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';

/** The built chat page (dist/ui), found from this module whether it runs from src/ (tests) or dist/ (the binary). */
export function defaultUiDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return path.join(dir, 'dist', 'ui');
}

/** Serves the chat page at / and its scripts and styles under /ui/. */
export function uiRoutes(uiDir: string): Hono {
  const app = new Hono();
  const indexFile = path.join(uiDir, 'index.html');
  app.get('/', (c) => {
    if (!existsSync(indexFile)) return c.text('The chat page is not built. Run: npm run build', 503);
    return c.html(readFileSync(indexFile, 'utf8'));
  });
  app.use('/ui/*', serveStatic({ root: uiDir, rewriteRequestPath: (p) => p.replace(/^\/ui/, '') }));
  return app;
}
