import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { hitSchema } from '../../src/retrieval/hit.js';
import { projectCopy } from '../helpers/project-copy.js';
import { useTempDirs } from '../helpers/temp-dir.js';

const run = promisify(execFile);
const root = path.resolve('.');
const bin = path.join(root, 'bin/wedge.js');
const tempDir = useTempDirs();

/** Runs the installed binary as a user would; resolves with exit code and both streams. */
async function wedge(args: string[], cwd: string, env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? '', WEDGE_CACHE_DIR: path.join(root, 'indexes/.cache'), ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const copyProject = () => projectCopy(tempDir);

beforeAll(async () => {
  if (!existsSync(path.join(root, 'dist/src/cli/main.js'))) await run('npm', ['run', 'build'], { cwd: root });
}, 120_000);

describe('wedge CLI, spawned as a user runs it', () => {
  it('index builds, reports one summary line, then finds the index fresh; search prints ranked passages', async () => {
    const dir = await copyProject();
    const built = await wedge(['index'], dir);
    expect(built.code).toBe(0);
    expect(built.stdout).toMatch(/^Indexed 5 docs, \d+ chunks, \d+ sentences in [\d.]+ s with glove-sg-100d\/sif -> indexes\/default\n$/);
    const again = await wedge(['index'], dir);
    expect(again.stdout).toMatch(/^Index is up to date: 5 docs/);
    const search = await wedge(['search', "why won't the split work?", '--k', '3'], dir);
    expect(search.code).toBe(0);
    expect(search.stdout).toMatch(/^1\. .+\n   [a-z-]+ · chars \d+-\d+ · score [\d.]+\n   \| /);
    expect(search.stdout).toMatch(/\n3\. /);
  });

  it('search --json prints only a JSON array of hits whose offsets slice the article body', async () => {
    const dir = await copyProject();
    await wedge(['index'], dir);
    const { code, stdout } = await wedge(['search', 'what does China fear?', '--json', '--k', '4'], dir);
    expect(code).toBe(0);
    const hits = hitSchema.array().parse(JSON.parse(stdout));
    expect(hits).toHaveLength(4);
    const { readFile } = await import('node:fs/promises');
    for (const hit of hits) {
      const file = (await readFile(path.join(dir, 'corpus', `${hit.docId}.md`), 'utf8'));
      const body = file.slice(file.indexOf('\n---\n') + 5);
      expect(body.slice(hit.start, hit.end)).toBe(hit.text);
    }
  });

  it('rebuilds a stale index after an article changes, and --force always rebuilds', async () => {
    const dir = await copyProject();
    await wedge(['index'], dir);
    await writeFile(path.join(dir, 'corpus/extra.txt'), 'Extra article\n\nRussia and China signed another gas deal this week, officials said.\n');
    expect((await wedge(['index'], dir)).stdout).toMatch(/^Updated the index with the changed articles: 6 docs/);
    expect((await wedge(['index', '--force'], dir)).stdout).toMatch(/^Indexed 6 docs/);
  });

  it('exits non-zero with one line on stderr for an unknown flag, a missing corpus, a missing index, a bad --k', async () => {
    const dir = await tempDir();
    const cases = [
      { args: ['index', '--bogus'], code: 2, message: /^wedge: index: Unknown option '--bogus'\. Run "wedge help" for usage\.\n$/ },
      { args: ['index', '--corpus', 'nowhere'], code: 1, message: /^wedge: Corpus directory not found: .*nowhere/ },
      { args: ['search', 'anything'], code: 1, message: /^wedge: No index at .*indexes\/default\. Build it with: npx wedge index/ },
      { args: ['search', 'x', '--k', 'ten'], code: 2, message: /^wedge: --k must be a whole number/ },
      { args: ['search'], code: 2, message: /^wedge: search: give a question/ },
      { args: ['frobnicate'], code: 2, message: /^wedge: unknown command "frobnicate"/ },
    ];
    for (const { args, code, message } of cases) {
      const result = await wedge(args, dir);
      expect(result.code, args.join(' ')).toBe(code);
      expect(result.stderr, args.join(' ')).toMatch(message);
      expect(result.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(result.stderr).not.toMatch(/\bat .*\.js:\d+/);
    }
  });

  it('refuses to search with an explicitly different embedder than the index was built with', async () => {
    const dir = await copyProject();
    await wedge(['index'], dir);
    const result = await wedge(['search', 'détente', '--embedder', 'openai'], dir, { OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/built with embedder "glove-sg-100d\/sif" but the query uses "openai\/text-embedding-3-small"/);
  });

  it('add copies .md and .html articles into the corpus, skips a bad file by name, and re-indexes', async () => {
    const dir = await copyProject();
    await writeFile(path.join(dir, 'empty.md'), '');
    const result = await wedge(['add', path.join(root, 'tests/fixtures/article.html'), 'empty.md'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Added .*article\.html as "article" \(Russia and China: a partnership of convenience\)/);
    expect(result.stderr).toMatch(/empty\.md: file is empty/);
    expect(result.stdout).toMatch(/^Indexed 6 docs/);
    const again = await wedge(['add', path.join(root, 'tests/fixtures/article.html')], dir);
    expect(again.stderr).toMatch(/already exists; pass --force to replace it/);
    const search = await wedge(['search', 'quiet frontier border kilometres', '--json', '--k', '1'], dir);
    expect(JSON.parse(search.stdout)[0].text).toMatch(/4,000 kilometres/);
  });
});
