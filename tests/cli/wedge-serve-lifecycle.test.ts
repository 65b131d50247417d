import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAI } from '../helpers/fake-openai-server.js';
import { spawnServe } from '../helpers/spawn-serve.js';
import { projectCopy } from '../helpers/project-copy.js';
import { useTempDirs } from '../helpers/temp-dir.js';

const run = promisify(execFile);
const root = path.resolve('.');
const bin = path.join(root, 'bin/wedge.js');
const tempDir = useTempDirs();
const baseEnv = { PATH: process.env.PATH ?? '', WEDGE_CACHE_DIR: path.join(root, 'indexes/.cache'), WEDGE_PROMPTS_DIR: path.join(root, 'prompts'), WEDGE_LOG_LEVEL: 'silent' };
let fake: Awaited<ReturnType<typeof startFakeOpenAI>>;
beforeAll(async () => { fake = await startFakeOpenAI(); });
afterAll(() => fake.close());

const copyProject = () => projectCopy(tempDir);


describe('wedge serve lifecycle', () => {
  it('refuses to start on a bad setting, naming the variable', async () => {
    const cwd = await copyProject();
    const result = await run(process.execPath, [bin, 'serve'], { cwd, env: { ...baseEnv, PORT: 'eighty' } }).then(() => ({ code: 0, stderr: '' }), (e: { code: number; stderr: string }) => e);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^wedge: Invalid configuration: PORT: /);
  });

  it('on SIGTERM stops accepting, lets the request in flight finish, and exits 0', async () => {
    const cwd = await copyProject();
    fake.queue.push(async () => {
      await new Promise((resolve) => setTimeout(resolve, 1200));
      return { body: { id: 'c', object: 'chat.completion', created: 0, model: 'm', choices: [{ index: 0, message: { role: 'assistant', content: '{"abstain": true, "claims": []}' }, finish_reason: 'stop' }] } };
    });
    const { child, url, exit } = await spawnServe(cwd, { ...baseEnv, OPENAI_BASE_URL: fake.url, WEDGE_GENERATOR: 'llm', WEDGE_OPENAI_MAX_RETRIES: '0' });
    const pending = fetch(`${url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ messages: [{ role: 'user', content: 'What does China fear?' }] }) });
    await new Promise((resolve) => setTimeout(resolve, 400));
    child.kill('SIGTERM');
    const response = await pending;
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ abstained: true, generator: 'llm:gpt-4o-mini' });
    expect(await exit).toBe(0);
    await expect(fetch(`${url}/health`)).rejects.toThrow();
  });

  it('serves with several worker processes on one port, one rate limit and one /metrics across them, and all of them stop on SIGTERM', async () => {
    const cwd = await copyProject();
    const { child, url, exit } = await spawnServe(cwd, { ...baseEnv, WEDGE_WORKERS: '2', WEDGE_RATE_LIMIT_PER_MIN: '10' });
    const ask = () => fetch(`${url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ messages: [{ role: 'user', content: 'What does China fear?' }] }) });
    // Eight at once open eight connections, which the primary hands to both workers in turn.
    const answers = await Promise.all(Array.from({ length: 8 }, ask));
    expect(answers.map((r) => r.status)).toEqual(Array(8).fill(200));
    const metrics = await (await fetch(`${url}/metrics`)).text();
    expect(metrics).toMatch(/wedge_http_requests_total\{route="\/api\/chat",method="POST",status="200"\} 8\b/);
    expect(metrics).toMatch(/wedge_index_documents 5\b/);
    // Nine of ten used: one more is admitted, whichever worker takes it, and the rest get 429.
    const more = await Promise.all(Array.from({ length: 4 }, ask));
    expect(more.map((r) => r.status).sort()).toEqual([200, 429, 429, 429]);
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
    await expect(fetch(`${url}/health`)).rejects.toThrow();
  });

  it('picks up `wedge index` run in another process without a restart', async () => {
    const cwd = await copyProject();
    const { child, url, exit } = await spawnServe(cwd, { ...baseEnv, WEDGE_RELOAD_POLL_MS: '200' });
    try {
      const before = (await (await fetch(`${url}/health`)).json() as { index: { buildId: string; docs: number } }).index;
      await writeFile(path.join(cwd, 'corpus/extra.txt'), 'Arctic memo\n\nMurmansk icebreakers will escort Chinese cargo ships along the Northern Sea Route.\n');
      await run(process.execPath, [bin, 'index'], { cwd, env: baseEnv });
      let after = before;
      for (let i = 0; i < 50 && after.buildId === before.buildId; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        after = (await (await fetch(`${url}/health`)).json() as { index: typeof before }).index;
      }
      expect(after.buildId).not.toBe(before.buildId);
      expect([before.docs, after.docs]).toEqual([5, 6]);
    } finally {
      child.kill('SIGTERM');
      await exit;
    }
  });
});
