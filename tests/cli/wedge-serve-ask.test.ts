import { execFile, spawn } from 'node:child_process';
import { cp } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { answerResultSchema } from '../../src/answer/answer-result.js';
import { projectCopy } from '../helpers/project-copy.js';
import { useTempDirs } from '../helpers/temp-dir.js';

const run = promisify(execFile);
const root = path.resolve('.');
const bin = path.join(root, 'bin/wedge.js');
const tempDir = useTempDirs();
const env = { PATH: process.env.PATH ?? '', WEDGE_CACHE_DIR: path.join(root, 'indexes/.cache'), WEDGE_PROMPTS_DIR: path.join(root, 'prompts') };

const copyProject = () => projectCopy(tempDir);

describe('wedge serve, ask and eval, spawned as a user runs them', () => {
  it('serve builds the missing index, serves on the given port, answers, and exits 0 on SIGTERM', async () => {
    const cwd = await copyProject();
    const child = spawn(process.execPath, [bin, 'serve', '--port', '0'], { cwd, env });
    let stderr = '';
    child.stderr.on('data', (data) => { stderr += String(data); });
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (data) => { const m = /serving (http:\/\/\S+)/.exec(String(data)); if (m) resolve(m[1]!); });
      child.on('exit', (code) => reject(new Error(`exited ${code}: ${stderr}`)));
    });
    expect(stderr).toMatch(/Indexed 5 docs, \d+ chunks \(missing index rebuilt\)/);
    const health = await (await fetch(`${url}/health`)).json();
    expect(health).toMatchObject({ status: 'ok', generator: 'extractive', index: { docs: 5 } });
    const res = await fetch(`${url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ messages: [{ role: 'user', content: 'What does China fear?' }] }) });
    expect(answerResultSchema.parse(await res.json()).citations.length).toBeGreaterThan(0);
    const exit = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
  });

  it('ask prints the answer with its sources listed under it, and --json the full answer object', async () => {
    const cwd = await copyProject();
    await run(process.execPath, [bin, 'index'], { cwd, env });
    const { stdout } = await run(process.execPath, [bin, 'ask', 'What does China fear?'], { cwd, env });
    expect(stdout).toMatch(/\[1\]/);
    expect(stdout).toMatch(/\nSources:\n\[1\] .+\n    [a-z-]+ · chars \d+-\d+\n    “/);
    const json = await run(process.execPath, [bin, 'ask', 'Can the US pull Russia away from China?', '--mode', 'steelman', '--json'], { cwd, env });
    expect(answerResultSchema.parse(JSON.parse(json.stdout)).sides).toHaveLength(2);
  });

  it('eval exits 1 and names the metric when a gate is above what wedge reaches', async () => {
    const cwd = await copyProject();
    await cp(path.join(root, 'evals'), path.join(cwd, 'evals'), { recursive: true });
    const result = await run(process.execPath, [bin, 'eval', '--min-mrr', '0.99'], { cwd, env }).then(() => ({ code: 0, stderr: '' }), (e: { code: number; stderr: string }) => e);
    expect(result.code).toBe(1);
    // The copy has no shared data folder beside it, so the question bank is skipped with one line saying so.
    expect(result.stderr).toMatch(/^(Indexed .*\n|wedge: question bank skipped: no speeches under .*\n)*wedge: eval failed: retrieval MRR@10 0\.\d{3} < 0\.99\n$/);
    expect(result.stderr).toContain('question bank skipped');
  });
});
