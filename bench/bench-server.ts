import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const duration = Number(process.argv[2] ?? 20);
const connections = Number(process.argv[3] ?? 32);
const workers = Number(process.argv[4] ?? 1);
// `streams`: only streamed answers from one wedge server without the answer cache, for the first-event bar alone.
const streamsOnly = process.argv[5] === 'streams';
const questions = [
  "Why won't Trump's bid to split Russia from China work?",
  'What does China fear?',
  'What does history say about Nixon and Kissinger?',
  'What would make the split work?',
];

/** Starts a server as its own process, so the load generator does not share its event loop. */
async function startServer(args: string[], env: Record<string, string> = {}): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, WEDGE_GENERATOR: 'extractive', WEDGE_WORKERS: String(workers), WEDGE_LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (data) => { const m = /serving (http:\/\/\S+)/.exec(String(data)); if (m) resolve(m[1]!); });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return { url, stop: () => child.kill('SIGTERM') };
}

const ROUNDS = 4;
const load = (url: string, seconds: number) => autocannon({
  url: `${url}/api/chat`,
  connections,
  duration: seconds,
  requests: questions.map((content) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ messages: [{ role: 'user', content }] }) })),
});

/** Node's event-loop delay in the server since the last scrape, from its /metrics (prom-client resets the histogram on each). */
async function eventLoopDelay(url: string): Promise<{ p99: number; max: number }> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const read = (name: string) => Number(new RegExp(`^${name} ([\\d.e+-]+)$`, 'm').exec(text)?.[1] ?? NaN) * 1000;
  return { p99: read('nodejs_eventloop_lag_p99_seconds'), max: read('nodejs_eventloop_lag_max_seconds') };
}

/**
 * Streamed answers (SSE) at the bench's concurrency: the time from sending a request to its first event (the
 * retrieved passages, `citations`), read to the end, one question after another on each connection.
 */
async function streamLoad(url: string, seconds: number): Promise<{ requests: number; firstEvent: number[]; errors: number }> {
  const end = Date.now() + seconds * 1000;
  // The first second is left out of the figures: every connection starts at once, a burst no steady load has.
  const settled = Date.now() + 1000;
  const firstEvent: number[] = [];
  let requests = 0;
  let errors = 0;
  await Promise.all(Array.from({ length: connections }, async (_, connection) => {
    for (let i = connection; Date.now() < end; i += 1) {
      const started = performance.now();
      const response = await fetch(`${url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'text/event-stream' }, body: JSON.stringify({ messages: [{ role: 'user', content: questions[i % questions.length] }] }) });
      const reader = response.body!.getReader();
      const decoder = new TextDecoder();
      let text = '';
      let seen = false;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        text += decoder.decode(value, { stream: true });
        if (!seen && text.includes('event: citations')) {
          seen = true;
          if (Date.now() > settled) firstEvent.push(performance.now() - started);
        }
      }
      requests += 1;
      if (!response.ok || !seen || !text.includes('event: done')) errors += 1;
    }
  }));
  return { requests, firstEvent, errors };
}

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))] ?? NaN;

/** Streamed answers alone, in ROUNDS rounds of one server: time to the first event, the whole stream's rate, errors. */
async function streamsAlone(wedgeArgs: string[]): Promise<void> {
  const server = await startServer(wedgeArgs, { WEDGE_ANSWER_CACHE: '0' });
  try {
    await streamLoad(server.url, 3);
    const firstEvent: number[] = [];
    let requests = 0;
    let errors = 0;
    for (let round = 0; round < ROUNDS; round += 1) {
      const stream = await streamLoad(server.url, duration / ROUNDS);
      firstEvent.push(...stream.firstEvent);
      requests += stream.requests;
      errors += stream.errors;
    }
    console.log(`wedge streamed answers — ${workers} worker(s), no answer cache, ${connections} connections, ${duration} s; ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, Node ${process.version}`);
    console.log(`requests/s ${(requests / duration).toFixed(0)}, time to the first event (citations) ms p50 ${percentile(firstEvent, 0.5).toFixed(1)}, p90 ${percentile(firstEvent, 0.9).toFixed(1)}, p99 ${percentile(firstEvent, 0.99).toFixed(1)}, errors ${errors}`);
  } finally {
    server.stop();
  }
}

/**
 * wedge's /api/chat against the bare server a user would write from the LangChain and MiniSearch docs
 * (bench/bare-server.ts), in alternating rounds in one process tree, so the figure is a ratio that does
 * not depend on what else the machine is doing.
 */
async function main(): Promise<void> {
  const wedgeArgs = [path.join(root, 'bin/wedge.js'), 'serve', '--port', '0'];
  if (streamsOnly) return streamsAlone(wedgeArgs);
  // The questions rotate, so after the first of each the answer cache answers every request: it is measured beside
  // wedge without it, which is the figure the answering itself earns.
  const servers = {
    'wedge, no answer cache': await startServer(wedgeArgs, { WEDGE_ANSWER_CACHE: '0' }),
    'wedge (answer cache on)': await startServer(wedgeArgs),
    // What `npm start` runs: its default worker count (one per core), still without the cache so the figure is answering's.
    'wedge, default workers': await startServer(wedgeArgs, { WEDGE_ANSWER_CACHE: '0', WEDGE_WORKERS: '' }),
    'bare server': await startServer([path.join(root, 'dist/bench/bare-server.js'), path.join(root, 'corpus')]),
  };
  type Name = keyof typeof servers;
  const names = Object.keys(servers) as Name[];
  try {
    // A short warm-up of each, so JIT compilation and first-use caches are not in the figures.
    for (const name of names) await load(servers[name].url, 3);
    const wedgeNames = names.filter((n) => n !== 'bare server');
    for (const name of wedgeNames) await eventLoopDelay(servers[name].url);
    const delays = Object.fromEntries(wedgeNames.map((name) => [name, { p99: [] as number[], max: [] as number[] }]));
    const streamedNames = ['wedge, no answer cache', 'wedge, default workers'] as const;
    const streamed = Object.fromEntries(streamedNames.map((name) => [name, { requests: 0, seconds: 0, firstEvent: [] as number[], errors: 0 }]));
    const totals = Object.fromEntries(names.map((name) => [name, { requests: 0, seconds: 0, p99: [] as number[], p50: [] as number[], errors: 0 }])) as Record<Name, { requests: number; seconds: number; p99: number[]; p50: number[]; errors: number }>;
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const name of names) {
        const result = await load(servers[name].url, duration / ROUNDS);
        const t = totals[name];
        t.requests += result.requests.total;
        t.seconds += duration / ROUNDS;
        t.p99.push(result.latency.p99);
        t.p50.push(result.latency.p50);
        t.errors += result.errors + result.timeouts + result.non2xx;
        if (name !== 'bare server') {
          const delay = await eventLoopDelay(servers[name].url);
          delays[name]!.p99.push(delay.p99);
          delays[name]!.max.push(delay.max);
        }
      }
      // Streamed answers from wedge without the cache: what a chat client waits for before it shows the passages.
      for (const name of streamedNames) {
        const stream = await streamLoad(servers[name].url, duration / ROUNDS);
        const t = streamed[name]!;
        t.requests += stream.requests;
        t.seconds += duration / ROUNDS;
        t.firstEvent.push(...stream.firstEvent);
        t.errors += stream.errors;
        await eventLoopDelay(servers[name].url);
      }
    }
    const rate = (t: (typeof totals)[Name]) => t.requests / t.seconds;
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    console.log(`wedge server benchmark — POST /api/chat, offline extractive generator, ${workers} worker(s) (default workers: ${os.availableParallelism()}, no cache), ${connections} connections, ${duration} s each, ${ROUNDS} alternating rounds`);
    console.log(`${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, Node ${process.version}`);
    for (const name of names) {
      const t = totals[name];
      console.log(`${name.padEnd(24)} requests/s ${rate(t).toFixed(0)}, latency ms p50 ${median(t.p50)}, p99 ${median(t.p99)} (median of rounds), errors ${t.errors}`);
    }
    for (const name of wedgeNames) {
      console.log(`${name.padEnd(24)} event-loop delay ms (1 ms sampling, per round): p99 ${delays[name]!.p99.map((d) => d.toFixed(1)).join(', ')}; max ${delays[name]!.max.map((d) => d.toFixed(1)).join(', ')}`);
    }
    for (const name of streamedNames) {
      const t = streamed[name]!;
      console.log(`${name}, streamed: requests/s ${(t.requests / t.seconds).toFixed(0)}, time to the first event (citations) ms p50 ${percentile(t.firstEvent, 0.5).toFixed(1)}, p90 ${percentile(t.firstEvent, 0.9).toFixed(1)}, p99 ${percentile(t.firstEvent, 0.99).toFixed(1)}, errors ${t.errors}`);
    }
    const bare = totals['bare server'];
    for (const name of names.filter((n) => n !== 'bare server')) {
      console.log(`ratio, ${name}: requests/s ${(rate(totals[name]) / rate(bare)).toFixed(2)} of the bare server's, p99 ${(median(totals[name].p99) / Math.max(1, median(bare.p99))).toFixed(1)}x`);
    }
  } finally {
    for (const server of Object.values(servers)) server.stop();
  }
}

await main();
