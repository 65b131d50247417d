import { execFile, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import autocannon from 'autocannon';

const run = promisify(execFile);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const duration = Number(process.argv[2] ?? 60);
const connections = Number(process.argv[3] ?? 64);
const reindexMidway = process.argv[4] !== 'no-reindex';
const workers = Number(process.argv[5] ?? 1);
const questions = ["Why won't the split work?", 'What does China fear?', 'What does history say about Nixon and Kissinger?', 'What would make the split work?'];

/** Resident memory of a process in MB, from /proc (Linux). */
function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
  return Number(line?.replace(/\D+/g, '') ?? 0) / 1024;
}

async function main(): Promise<void> {
  const child = spawn(process.execPath, [path.join(root, 'bin/wedge.js'), 'serve', '--port', '0'], {
    // The four questions rotate, so with the answer cache every request after the first four would be a hit: off, so
    // the figure is what answering under a re-index costs. RSS is read of this one process: one worker unless asked.
    cwd: root, env: { ...process.env, WEDGE_GENERATOR: 'extractive', WEDGE_LOG_LEVEL: 'warn', WEDGE_RELOAD_POLL_MS: '500', WEDGE_ANSWER_CACHE: '0', WEDGE_WORKERS: String(workers) }, stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (data) => { const m = /serving (http:\/\/\S+)/.exec(String(data)); if (m) resolve(m[1]!); });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  const health = async () => ((await (await fetch(`${url}/health`)).json()) as { index: { buildId: string } }).index.buildId;
  try {
    // Warm up at full concurrency, so the heap has grown to its working size before memory is measured.
    await autocannon({ url: `${url}/api/chat`, connections, duration: 10, requests: [{ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ messages: [{ role: 'user', content: questions[0] }] }) }] });
    const rssStart = rssMb(child.pid!);
    const buildBefore = await health();
    const reindex = new Promise<void>((resolve, reject) => {
      if (!reindexMidway) return resolve();
      setTimeout(() => {
        run(process.execPath, [path.join(root, 'bin/wedge.js'), 'index', '--force'], { cwd: root }).then(() => resolve(), reject);
      }, (duration * 1000) / 2);
    });
    const samples: number[] = [];
    const sampler = setInterval(() => samples.push(rssMb(child.pid!)), 10_000);
    const result = await autocannon({
      url: `${url}/api/chat`, connections, duration,
      requests: questions.map((content) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ messages: [{ role: 'user', content }] }) })),
    });
    clearInterval(sampler);
    await reindex;
    const buildAfter = await health();
    const rssEnd = rssMb(child.pid!);
    const errors = result.errors + result.timeouts + result.non2xx;
    console.log(`wedge load benchmark — POST /api/chat, offline generator, no answer cache, ${workers} worker(s), ${connections} connections, ${duration} s, re-index at ${duration / 2} s`);
    console.log(`${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, Node ${process.version}`);
    console.log(`requests/s: mean ${result.requests.average.toFixed(0)}, total ${result.requests.total}`);
    console.log(`latency ms: p50 ${result.latency.p50}, p90 ${result.latency.p90}, p99 ${result.latency.p99}, max ${result.latency.max}`);
    console.log(`errors: ${errors} (errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx})`);
    console.log(`index swapped during the run: ${buildBefore !== buildAfter ? 'yes' : 'NO'} (${buildBefore} -> ${buildAfter})`);
    console.log(`server RSS: start ${rssStart.toFixed(0)} MB, end ${rssEnd.toFixed(0)} MB, growth ${(((rssEnd - rssStart) / rssStart) * 100).toFixed(1)}%`);
    console.log(`server RSS every 10 s: ${samples.map((mb) => mb.toFixed(0)).join(', ')} MB`);
  } finally {
    child.kill('SIGTERM');
  }
}

await main();
