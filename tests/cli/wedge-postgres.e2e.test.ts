import { execFile } from 'node:child_process';
import { cp, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPostgres } from '../helpers/pglite-server.js';
import { spawnServe } from '../helpers/spawn-serve.js';
import { useTempDirs } from '../helpers/temp-dir.js';

const run = promisify(execFile);
const root = path.resolve('.');
const bin = path.join(root, 'bin/wedge.js');
const tempDir = useTempDirs();
let postgres: Awaited<ReturnType<typeof startTestPostgres>>;
beforeAll(async () => { postgres = await startTestPostgres(); }, 120_000);
afterAll(async () => { await postgres?.stop(); });


describe('WEDGE_STORE=postgres, end to end', () => {
  it('wedge index fills the database; two servers on it answer identically and both see a re-index without restarting', async () => {
    const cwd = await tempDir();
    await cp(path.join(root, 'corpus'), path.join(cwd, 'corpus'), { recursive: true });
    const env = { PATH: process.env.PATH ?? '', WEDGE_CACHE_DIR: path.join(root, 'indexes/.cache'), WEDGE_STORE: 'postgres', DATABASE_URL: postgres.url, WEDGE_LOG_LEVEL: 'silent', WEDGE_RELOAD_POLL_MS: '200' };
    const indexed = await run(process.execPath, [bin, 'index'], { cwd, env });
    expect(indexed.stdout).toMatch(/^Postgres index: 5 docs, \d+ chunks; 5 written, 0 unchanged, 0 removed in [\d.]+ s with glove-sg-100d\/sif\n$/);
    const servers = await Promise.all([spawnServe(cwd, env), spawnServe(cwd, env)]);
    try {
      const ask = async (url: string) => {
        const res = await fetch(`${url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ messages: [{ role: 'user', content: "Why won't the split work?" }] }) });
        const { answer, citations } = await res.json() as { answer: string; citations: unknown[] };
        return { answer, citations };
      };
      const [a, b] = await Promise.all(servers.map((s) => ask(s.url)));
      expect(a!.citations.length).toBeGreaterThan(0);
      expect(b).toEqual(a);
      const health = async (url: string) => ((await (await fetch(`${url}/health`)).json()) as { index: { buildId: string; docs: number } }).index;
      const before = await health(servers[0]!.url);
      await writeFile(path.join(cwd, 'corpus/extra.txt'), 'Arctic memo\n\nMurmansk icebreakers will escort Chinese cargo ships along the Northern Sea Route.\n');
      expect((await run(process.execPath, [bin, 'index'], { cwd, env })).stdout).toMatch(/6 docs, \d+ chunks; 1 written, 5 unchanged, 0 removed/);
      for (const server of servers) {
        let now = before;
        for (let i = 0; i < 60 && now.buildId === before.buildId; i += 1) {
          await new Promise((resolve) => setTimeout(resolve, 100));
          now = await health(server.url);
        }
        expect(now.docs).toBe(6);
      }
    } finally {
      for (const s of servers) s.child.kill('SIGTERM');
      await Promise.all(servers.map((s) => s.exit));
    }
  });
});
