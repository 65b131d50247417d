import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const duration = Number(process.argv[2] ?? 20);
const connections = Number(process.argv[3] ?? 32);
const workers = Number(process.argv[4] ?? 1);
const questions = [
  "Why won't Trump's bid to split Russia from China work?",
  'What does China fear?',
  'What does history say about Nixon and Kissinger?',
  'What would make the split work?',
];

/** Starts `wedge serve` as its own process (offline generator), so the load generator does not share its event loop. */
async function startServer(): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, [path.join(root, 'bin/wedge.js'), 'serve', '--port', '0'], { cwd: root, env: { ...process.env, WEDGE_GENERATOR: 'extractive', WEDGE_WORKERS: String(workers), WEDGE_LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (data) => { const m = /serving (http:\/\/\S+)/.exec(String(data)); if (m) resolve(m[1]!); });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return { url, stop: () => child.kill('SIGTERM') };
}

async function main(): Promise<void> {
  const server = await startServer();
  try {
    // A short warm-up at the same concurrency, so JIT compilation and first-use caches are not in the figures.
    await autocannon({ url: `${server.url}/api/chat`, connections, duration: 3, requests: [{ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ messages: [{ role: 'user', content: questions[0] }] }) }] });
    const result = await autocannon({
      url: `${server.url}/api/chat`,
      connections,
      duration,
      requests: questions.map((content) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ messages: [{ role: 'user', content }] }) })),
    });
    const errors = result.errors + result.timeouts + result.non2xx;
    console.log(`wedge server benchmark — POST /api/chat, offline extractive generator, ${workers} worker(s), ${connections} connections, ${duration} s`);
    console.log(`${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, Node ${process.version}`);
    console.log(`requests/s: mean ${result.requests.average.toFixed(0)}, total ${result.requests.total}`);
    console.log(`latency ms: p50 ${result.latency.p50}, p90 ${result.latency.p90}, p99 ${result.latency.p99}, max ${result.latency.max}`);
    console.log(`errors: ${errors} (errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx})`);
  } finally {
    server.stop();
  }
}

await main();
