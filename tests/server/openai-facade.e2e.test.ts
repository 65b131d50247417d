import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/create-app.js';
import { offlineDeps } from '../helpers/default-index.js';
import { serveOnFreePort } from '../helpers/serve-app.js';

let server: Awaited<ReturnType<typeof serveOnFreePort>>;
let client: OpenAI;

beforeAll(async () => {
  const deps = await offlineDeps();
  const app = createApp({ deps: () => deps, log: () => {} });
  server = await serveOnFreePort(app);
  client = new OpenAI({ apiKey: 'unused', baseURL: `${server.origin}/v1`, maxRetries: 0 });
});
afterAll(() => server.close());

describe('the OpenAI-compatible facade, used by the official openai SDK over a real port', () => {
  it('lists the wedge models', async () => {
    const models = await client.models.list();
    expect(models.data.map((m) => m.id)).toEqual(['wedge', 'wedge-steelman']);
  });

  it('answers a non-streamed completion with the answer, a Sources list and a citations field', async () => {
    const completion = await client.chat.completions.create({ model: 'wedge', messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'What does China fear?' }] });
    const content = completion.choices[0]!.message.content!;
    expect(content).toMatch(/\[1\]/);
    expect(content).toMatch(/\n\nSources:\n\[1\] /);
    const citations = (completion as unknown as { citations: Array<{ n: number; quote: string }> }).citations;
    expect(citations.length).toBeGreaterThan(0);
    expect(content).toContain(citations[0]!.quote.replace(/\s*\n\s*/g, ' '));
    expect(completion.choices[0]!.finish_reason).toBe('stop');
  });

  it('names a quoted photo caption as one, in the Sources list and on its citation', async () => {
    const completion = await client.chat.completions.create({ model: 'wedge', messages: [{ role: 'user', content: 'Where were Putin and Xi photographed sipping tea together?' }] });
    const content = completion.choices[0]!.message.content!;
    const citations = (completion as unknown as { citations: Array<{ n: number; caption?: boolean }> }).citations;
    expect(citations[0]!.caption).toBe(true);
    expect(content).toMatch(/\n\[1\] [^\n]*photo caption\): “/);
  });

  it('streams standard chat.completion.chunk events that the SDK reassembles into the same text', async () => {
    const stream = await client.chat.completions.create({ model: 'wedge-steelman', stream: true, messages: [{ role: 'user', content: 'Can the US pull Russia away from China?' }] });
    let text = '';
    let finish: string | null = null;
    let chunks = 0;
    for await (const chunk of stream) {
      chunks += 1;
      text += chunk.choices[0]?.delta?.content ?? '';
      finish = chunk.choices[0]?.finish_reason ?? finish;
    }
    expect(chunks).toBeGreaterThan(3);
    expect(finish).toBe('stop');
    expect(text).toMatch(/\*\*The split can work\*\*/);
    expect(text).toMatch(/\*\*Balance:\*\*/);
    expect(text).toMatch(/Sources:\n\[1\]/);
  });

  it('rejects an unknown model with a 400 that the SDK surfaces as BadRequestError', async () => {
    await expect(client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] })).rejects.toBeInstanceOf(OpenAI.BadRequestError);
  });
});
