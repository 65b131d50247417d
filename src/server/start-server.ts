import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { createAnswerDeps, generatorKind } from '../answer/create-answer-deps.js';
import type { Config } from '../config/load-config.js';
import { loadCorpus } from '../corpus/load-corpus.js';
import { createEmbedder, type EmbedderDeps } from '../embeddings/create-embedder.js';
import { ensureIndex } from '../indexing/ensure-index.js';
import { readManifest } from '../indexing/open-index.js';
import { createApp } from './create-app.js';

/** A running server. */
export interface RunningServer { url: string; port: number; close: () => Promise<void> }

/**
 * Builds the index when it is missing or stale (when the corpus folder is there), wires the
 * answer stages and serves the app. The server itself is @hono/node-server; this is the only place
 * that knows ports.
 */
export async function startServer(config: Config, outside: EmbedderDeps & { log?: (message: string) => void } = {}): Promise<RunningServer> {
  const log = outside.log ?? ((message: string) => console.error(message));
  if (existsSync(config.corpusDir)) {
    const { articles, errors, settings } = await loadCorpus(config.corpusDir);
    for (const error of errors) log(`wedge: skipped ${error.message}`);
    const manifest = await readManifest(config.indexDir).catch(() => undefined);
    const embedder = await createEmbedder({ ...config, embedder: config.embedder ?? (manifest?.embedder.id.startsWith('openai/') ? 'openai' : 'glove') }, { ...outside, log });
    const result = await ensureIndex({ indexDir: config.indexDir, articles, embedder, settings });
    if (result.built) log(`Indexed ${result.manifest.counts.docs} docs, ${result.manifest.counts.chunks} chunks (${result.previous} index rebuilt).`);
  }
  const deps = await createAnswerDeps(config, { ...outside, log });
  const app = createApp({ deps: () => deps, maxBodyBytes: config.maxBodyBytes, log, generatorName: generatorKind(config) });
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return {
    url: `http://${host}:${port}`,
    port,
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
