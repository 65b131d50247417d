import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { warmUp } from '../answer/answer-question.js';
import { createAnswerDeps, generatorKind } from '../answer/create-answer-deps.js';
import type { Config } from '../config/load-config.js';
import type { EmbedderDeps } from '../embeddings/create-embedder.js';
import { prepareIndex } from '../indexing/prepare-index.js';
import { createApp } from './create-app.js';
import { createSlackBotFromConfig } from './slack/create-slack-bot-from-config.js';

/** A running server. */
export interface RunningServer { url: string; port: number; close: () => Promise<void> }

/**
 * Builds the index when it is missing or stale (when the corpus folder is there), wires the
 * answer stages and serves the app. The server itself is @hono/node-server; this is the only place
 * that knows ports.
 */
export async function startServer(config: Config, outside: EmbedderDeps & { log?: (message: string) => void } = {}): Promise<RunningServer> {
  const log = outside.log ?? ((message: string) => console.error(message));
  await prepareIndex(config, { ...outside, log });
  const deps = await createAnswerDeps(config, { ...outside, log });
  warmUp(deps);
  const slack = createSlackBotFromConfig(config, () => deps, log);
  const app = createApp({ deps: () => deps, maxBodyBytes: config.maxBodyBytes, log, generatorName: generatorKind(config), slack });
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
