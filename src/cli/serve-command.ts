import { generatorKind } from '../answer/create-answer-deps.js';
import { loadConfig } from '../config/load-config.js';
import { startServer } from '../server/start-server.js';
import type { CliIo } from './cli-io.js';
import { parseCommandArgs } from './parse-command-args.js';
import { resolvePaths } from './resolve-paths.js';

/** `wedge serve [--port N]`: builds the index if missing or stale, then serves the answer API until SIGINT/SIGTERM. */
export async function runServeCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs('serve', args, {
    port: { type: 'string' },
    host: { type: 'string' },
    corpus: { type: 'string' },
    index: { type: 'string' },
  });
  const config = resolvePaths(loadConfig(io.env, { port: values.port as never, host: values.host, corpusDir: values.corpus, indexDir: values.index }), io.cwd);
  const server = await startServer(config, { log: (line) => io.stderr(`${line}\n`) });
  io.stdout(`wedge is serving ${server.url} (generator: ${generatorKind(config)}). Press Ctrl+C to stop.\n`);
  await new Promise<void>((resolve) => {
    const stop = () => { server.close().finally(resolve); };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}
