import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One call the fake Slack received: Web API method (or response_url path), decoded arguments, auth header. */
export interface SlackCall { method: string; args: Record<string, unknown>; authorization?: string }

function decode(req: IncomingMessage, text: string): Record<string, unknown> {
  if ((req.headers['content-type'] ?? '').includes('application/json')) return text ? JSON.parse(text) as Record<string, unknown> : {};
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    // The Web API client form-encodes arrays and objects (blocks) as JSON strings.
    args[key] = /^[[{]/.test(value) ? JSON.parse(value) : value;
  }
  return args;
}

/**
 * A local fake of Slack over real HTTP: the Web API under /api/<method>, and response_url targets
 * under /response/<id>. Records every call; `rateLimitNext` makes the next call of a method answer 429.
 */
export async function startFakeSlack(options: { replies?: Array<Record<string, unknown>> } = {}) {
  const calls: SlackCall[] = [];
  const rateLimited = new Map<string, number>();
  let replies = options.replies ?? [];
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const method = (req.url ?? '').replace(/^\/api\//, '').replace(/\?.*$/, '');
    calls.push({ method, args: decode(req, Buffer.concat(chunks).toString('utf8')), authorization: req.headers.authorization });
    const limited = rateLimited.get(method) ?? 0;
    if (limited > 0) {
      rateLimited.set(method, limited - 1);
      res.writeHead(429, { 'retry-after': '1', 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
      return;
    }
    const body = method === 'auth.test' ? { ok: true, user_id: 'UBOT', bot_id: 'BBOT' }
      : method === 'conversations.replies' ? { ok: true, messages: replies }
      : method === 'chat.postMessage' ? { ok: true, channel: 'C1', ts: `${Date.now() / 1000}` }
      : { ok: true };
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    apiUrl: `${base}/api/`,
    responseUrl: (id: string) => `${base}/response/${id}`,
    calls,
    rateLimitNext: (method: string, times = 1) => rateLimited.set(method, times),
    setReplies: (next: Array<Record<string, unknown>>) => { replies = next; },
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
