import path from 'node:path';
import { loadConfig } from '../config/load-config.js';
import { loadCorpus } from '../corpus/load-corpus.js';
import { createEmbedder } from '../embeddings/create-embedder.js';
import { ensureIndex } from '../indexing/ensure-index.js';
import { buildPgIndex } from '../indexing/postgres/build-pg-index.js';
import { createPgPool } from '../indexing/postgres/create-pg-pool.js';
import type { CliIo } from './cli-io.js';
import { parseCommandArgs } from './parse-command-args.js';
import { createProgressReporter } from './progress-reporter.js';

/** Options shared by commands that read the corpus and the index. */
export const corpusIndexFlags = {
  corpus: { type: 'string' },
  index: { type: 'string' },
  embedder: { type: 'string' },
} as const;

/** `wedge index`: builds the index if missing or stale (or always with --force), then prints one summary line. */
export async function runIndexCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseCommandArgs('index', args, { ...corpusIndexFlags, force: { type: 'boolean' } });
  const config = loadConfig(io.env, { corpusDir: values.corpus, indexDir: values.index, embedder: values.embedder as never });
  const started = performance.now();
  const corpusDir = path.resolve(io.cwd, config.corpusDir);
  const indexDir = path.resolve(io.cwd, config.indexDir);
  const { articles, errors, settings } = await loadCorpus(corpusDir);
  for (const error of errors) io.stderr(`wedge: skipped ${error.message}\n`);
  const embedder = await createEmbedder({ ...config, cacheDir: path.resolve(io.cwd, config.cacheDir) }, { log: (line) => io.stderr(`${line}\n`) });
  if (config.store === 'postgres') {
    const pool = createPgPool(config);
    try {
      const result = await buildPgIndex({ pool, articles, embedder, settings, force: values.force });
      const { counts } = result.manifest;
      io.stdout(`Postgres index: ${counts.docs} docs, ${counts.chunks} chunks; ${result.written} written, ${result.unchanged} unchanged, ${result.removed} removed in ${((performance.now() - started) / 1000).toFixed(2)} s with ${embedder.id}\n`);
    } finally {
      await pool.end();
    }
    return 0;
  }
  const progress = createProgressReporter(io);
  const result = await ensureIndex({ indexDir, articles, embedder, settings, force: values.force, onProgress: progress.update }).finally(progress.stop);
  const { counts } = result.manifest;
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const where = path.relative(io.cwd, indexDir) || '.';
  io.stdout(result.built
    ? `${result.updated ? 'Updated the index with the changed articles:' : 'Indexed'} ${counts.docs} docs, ${counts.chunks} chunks, ${counts.sentences} sentences in ${seconds} s with ${embedder.id} -> ${where}${errors.length ? ` (${errors.length} file(s) skipped)` : ''}\n`
    : `Index is up to date: ${counts.docs} docs, ${counts.chunks} chunks (${where}); checked in ${seconds} s. Use --force to rebuild.\n`);
  return 0;
}
