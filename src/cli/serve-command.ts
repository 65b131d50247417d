import { generatorKind } from '../answer/create-answer-deps.js';
import { loadConfig } from '../config/load-config.js';
import { isServeWorker, serveWorkers } from '../server/serve-workers.js';
import { startServer } from '../server/start-server.js';
import type { CliIo } from './cli-io.js';
import { parseCommandArgs } from './parse-command-args.js';
import { resolvePaths } from './resolve-paths.js';

/** `wedge serve [--port N] [--workers N]`: builds the index if missing or stale, then serves until SIGINT/SIGTERM. */
export async function runServeCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs('serve', args, {
    port: { type: 'string' },
    host: { type: 'string' },
    corpus: { type: 'string' },
    index: { type: 'string' },
    workers: { type: 'string' },
  });
  const config = resolvePaths(loadConfig(io.env, { port: values.port as never, host: values.host, corpusDir: values.corpus, indexDir: values.index, workers: values.workers as never }), io.cwd);
  const log = (line: string) => io.stderr(`${line}\n`);
  if (config.workers > 1 && !isServeWorker(io.env)) {
    const { url, stopped } = await serveWorkers(config, log);
    io.stdout(`wedge is serving ${url} (generator: ${generatorKind(config)}, ${config.workers} workers). Press Ctrl+C to stop.\n`);
    await stopped;
    return 0;
  }
  const worker = isServeWorker(io.env);
  try {
    const server = await startServer(config, { log, indexReady: worker, clusterWorker: worker });
    if (worker) process.send?.({ url: server.url });
    else io.stdout(`wedge is serving ${server.url} (generator: ${generatorKind(config)}). Press Ctrl+C to stop.\n`);
    await new Promise<void>((resolve) => {
      const stop = () => { server.close().finally(resolve); };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return 0;
  } finally {
    // A worker's IPC channel to the primary would keep it alive after it stops or fails to start.
    if (worker) process.disconnect?.();
  }
}
