import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { RecursiveCharacterTextSplitter } from '@langchain/textsplitters';
import { Hono } from 'hono';
import MiniSearch from 'minisearch';

/**
 * The server a user would write from the LangChain and MiniSearch docs, for bench:server's ratio: the corpus split
 * 1000/200, MiniSearch BM25, POST /api/chat returning the top 5 passages. No citations, checks or answer.
 */
async function main(): Promise<void> {
  const dir = process.argv[2] ?? 'corpus';
  const splitter = new RecursiveCharacterTextSplitter({ chunkSize: 1000, chunkOverlap: 200 });
  const passages: Array<{ id: number; file: string; text: string }> = [];
  for (const file of (await readdir(dir)).filter((f) => f.endsWith('.md'))) {
    const body = (await readFile(path.join(dir, file), 'utf8')).replace(/^---[\s\S]*?\n---\n/, '');
    for (const text of await splitter.splitText(body)) passages.push({ id: passages.length, file, text });
  }
  const index = new MiniSearch<{ id: number; file: string; text: string }>({ fields: ['text'], storeFields: ['file', 'text'] });
  index.addAll(passages);
  const app = new Hono();
  app.post('/api/chat', async (c) => {
    const { messages } = await c.req.json<{ messages: Array<{ content: string }> }>();
    const question = messages.at(-1)?.content ?? '';
    return c.json({ question, passages: index.search(question).slice(0, 5).map((r) => ({ file: r.file, text: r.text, score: r.score })) });
  });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => console.log(`serving http://127.0.0.1:${info.port}`));
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
}

await main();
