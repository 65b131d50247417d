import { execFile } from 'node:child_process';
import { cp, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../helpers/temp-dir.js';

const run = promisify(execFile);
const root = path.resolve('.');
const bin = path.join(root, 'bin/wedge.js');
const tempDir = useTempDirs();
const env = { PATH: process.env.PATH ?? '', WEDGE_CACHE_DIR: path.join(root, 'indexes/.cache') };

const answers = [
  { id: 'good', question: 'How big is trade?', answer: 'Trade between Moscow and Beijing now tops $200bn [1].', citations: [{ n: 1, quote: 'Trade between Moscow and Beijing now tops $200bn.' }] },
  { id: 'bad', answer: 'Trade tops $900bn [1]. The moon is cheese.', citations: [{ n: 1, quote: 'Trade between Moscow and Beijing now tops $200bn.', docId: 'paulsen-peel-russia-from-china', start: 0, end: 10 }] },
];

describe('wedge score, spawned as a user runs it', () => {
  it('scores answers from any system, prints only JSON with --json, and writes a self-contained HTML report', async () => {
    const dir = await tempDir();
    await cp(path.join(root, 'corpus'), path.join(dir, 'corpus'), { recursive: true });
    await run(process.execPath, [bin, 'index'], { cwd: dir, env });
    await writeFile(path.join(dir, 'answers.jsonl'), `${answers.map((a) => JSON.stringify(a)).join('\n')}\n`);
    const { stdout } = await run(process.execPath, [bin, 'score', 'answers.jsonl', '--json', '--html', 'report.html'], { cwd: dir, env });
    const report = JSON.parse(stdout) as { items: Array<{ id: string; citationValidity: number; citationRecall: number; statements: Array<{ supported: boolean }> }>; aggregate: { items: number } };
    expect(report.aggregate.items).toBe(2);
    expect(report.items.map((i) => [i.id, i.citationValidity, i.citationRecall])).toEqual([['good', 1, 1], ['bad', 0, 0]]);
    expect(report.items[1]!.statements).toHaveLength(2);
    const html = await readFile(path.join(dir, 'report.html'), 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<svg');
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3)/);
    const table = await run(process.execPath, [bin, 'score', 'answers.jsonl'], { cwd: dir, env });
    expect(table.stdout).toMatch(/^id +validity +recall +precision +faithfulness\ngood +1\.00 +1\.00 +1\.00 +1\.00\n/);
  });

  it('rejects a malformed line with its line number and a non-zero exit', async () => {
    const dir = await tempDir();
    await cp(path.join(root, 'corpus'), path.join(dir, 'corpus'), { recursive: true });
    await run(process.execPath, [bin, 'index'], { cwd: dir, env });
    await writeFile(path.join(dir, 'answers.jsonl'), `${JSON.stringify(answers[0])}\n{"id": 3}\n`);
    const result = await run(process.execPath, [bin, 'score', 'answers.jsonl'], { cwd: dir, env }).then(() => ({ code: 0, stderr: '' }), (e: { code: number; stderr: string }) => e);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^wedge: score: .*answers\.jsonl:2: /);
  });
});

describe('wedge score --baseline', () => {
  it('compares two systems\' answers to the same questions: metrics side by side and the answers that changed', async () => {
    const dir = await tempDir();
    await cp(path.join(root, 'corpus'), path.join(dir, 'corpus'), { recursive: true });
    await run(process.execPath, [bin, 'index'], { cwd: dir, env });
    await writeFile(path.join(dir, 'other.jsonl'), `${JSON.stringify({ ...answers[0], answer: 'Trade tops $900bn [1].' })}\n`);
    await writeFile(path.join(dir, 'answers.jsonl'), `${JSON.stringify(answers[0])}\n`);
    const { stdout } = await run(process.execPath, [bin, 'score', '--baseline', 'other.jsonl', 'answers.jsonl'], { cwd: dir, env });
    expect(stdout).toMatch(/Compared with other\.jsonl:/);
    expect(stdout).toMatch(/citation recall \(ALCE\)\s+0\.000\s+1\.000\s+\+1\.000/);
    expect(stdout).toMatch(/good: citation recall 0\.00 → 1\.00/);
  });
});
