import { createSseParser } from './parse-sse.js';
import type { AnswerResult, DocumentText } from './types.js';

/** What a failed request tells the user, in words; `status` when the server answered. */
export class ApiError extends Error {
  constructor(message: string, readonly status?: number) { super(message); }
}

const KEY = 'wedge.apiKey';

/** The API key the user gave the page (servers with WEDGE_API_KEYS need one). */
export function apiKey(): string {
  try { return localStorage.getItem(KEY) ?? ''; } catch { return ''; }
}

/** Remembers the API key for later requests and reloads. */
export function setApiKey(key: string): void {
  try { localStorage.setItem(KEY, key.trim()); } catch { /* the key then lasts for this page only */ }
}

function authHeaders(): Record<string, string> {
  const key = apiKey();
  return key ? { authorization: `Bearer ${key}` } : {};
}

async function describeFailure(response: Response): Promise<string> {
  const body = await response.json().catch(() => undefined) as { error?: { message?: string } } | undefined;
  if (response.status === 401) return 'This server needs an API key: enter it at the top of the page and ask again.';
  if (response.status === 429) {
    const wait = response.headers.get('retry-after');
    return `Too many requests. ${wait ? `Try again in ${wait} s.` : 'Try again shortly.'}`;
  }
  return body?.error?.message ?? `The server answered ${response.status} ${response.statusText}.`;
}

/** Asks /api/chat with streaming; calls back with each text delta and resolves with the final answer. */
export async function streamChat(
  body: { messages: Array<{ role: 'user' | 'assistant'; content: string }>; mode: 'answer' | 'steelman' },
  onDelta: (text: string) => void,
  signal: AbortSignal,
): Promise<AnswerResult> {
  let response: Response;
  try {
    response = await fetch('/api/chat', { method: 'POST', headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...authHeaders() }, body: JSON.stringify({ ...body, stream: true }), signal });
  } catch (error) {
    if (signal.aborted) throw error;
    throw new ApiError('Cannot reach the wedge server. Is it running?');
  }
  if (!response.ok || !response.body) throw new ApiError(await describeFailure(response), response.status);
  let result: AnswerResult | undefined;
  let failure: string | undefined;
  const feed = createSseParser(({ event, data }) => {
    if (event === 'delta') onDelta((JSON.parse(data) as { text: string }).text);
    else if (event === 'done') result = JSON.parse(data) as AnswerResult;
    else if (event === 'error') failure ??= (JSON.parse(data) as { error?: { message?: string } }).error?.message ?? data;
  });
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    feed(value);
  }
  if (failure) throw new ApiError(failure);
  if (!result) throw new ApiError('The answer stream ended early.');
  return result;
}

const documents = new Map<string, Promise<DocumentText>>();

/** Fetches an article's full text once per page (citations point into it). */
export function fetchDocument(id: string): Promise<DocumentText> {
  let doc = documents.get(id);
  if (!doc) {
    doc = fetch(`/api/documents/${encodeURIComponent(id)}`, { headers: authHeaders() }).then(async (response) => {
      if (!response.ok) throw new ApiError(await describeFailure(response), response.status);
      return response.json() as Promise<DocumentText>;
    });
    doc.catch(() => documents.delete(id));
    documents.set(id, doc);
  }
  return doc;
}
