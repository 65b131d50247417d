import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the fake server received. */
export interface RecordedRequest { method: string; url: string; headers: IncomingMessage['headers']; body: unknown }

/** A scripted reply: status, body and headers, or a function of the request. */
type Reply = { status?: number; body: unknown; headers?: Record<string, string> };
export type FakeReply = Reply | ((request: RecordedRequest) => Reply | Promise<Reply>);

/**
 * A local OpenAI-compatible HTTP server for tests: the real SDK talks to it over a real socket.
 * Queued replies are used first; after that, /embeddings answers with deterministic vectors.
 */
export async function startFakeOpenAI(dimensions = 8): Promise<{ url: string; requests: RecordedRequest[]; queue: FakeReply[]; close: () => Promise<void> }> {
  const requests: RecordedRequest[] = [];
  const queue: FakeReply[] = [];
  const server: Server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const request: RecordedRequest = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: text ? JSON.parse(text) : undefined };
    requests.push(request);
    const scripted = queue.shift();
    const reply = typeof scripted === 'function' ? await scripted(request) : scripted ?? defaultReply(request, dimensions);
    if (res.destroyed) return;
    res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
    res.end(typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    queue,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

/** A deterministic vector for a text: letter counts folded into `dimensions` buckets. */
export function fakeVector(text: string, dimensions: number): number[] {
  const vector = new Array<number>(dimensions).fill(0.01);
  for (const char of text.toLowerCase()) if (/[a-z]/.test(char)) vector[char.charCodeAt(0) % dimensions]! += 1;
  return vector;
}

function defaultReply(request: RecordedRequest, dimensions: number): Reply {
  if (request.url.endsWith('/embeddings')) {
    const { input, model } = request.body as { input: string | string[]; model: string };
    const inputs = Array.isArray(input) ? input : [input];
    return {
      body: {
        object: 'list',
        model,
        data: inputs.map((text, index) => ({ object: 'embedding', index, embedding: fakeVector(text, dimensions) })),
        usage: { prompt_tokens: inputs.length, total_tokens: inputs.length },
      },
    };
  }
  return { status: 404, body: { error: { message: `no route ${request.url}`, type: 'invalid_request_error' } } };
}
