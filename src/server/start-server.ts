import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { pino } from 'pino';
import { generatorKind } from '../answer/create-answer-deps.js';
import type { Config } from '../config/load-config.js';
import type { EmbedderDeps } from '../embeddings/create-embedder.js';
import { prepareIndex } from '../indexing/prepare-index.js';
import { createAnswerService } from './answer-service.js';
import { sharedRateWindow } from './http/shared-rate-window.js';
import { clusterMetricsOf } from './cluster-metrics.js';
import { createApp } from './create-app.js';
import { createSlackBotFromConfig } from './slack/create-slack-bot-from-config.js';

/** A running server. */
export interface RunningServer { url: string; port: number; close: () => Promise<void> }

/**
 * Builds the index when it is missing or stale (when the corpus folder is there), wires the answer
 * stages, serves the app, and watches the index for re-builds. The server itself is
 * @hono/node-server; this is the only place that knows ports and processes.
 */
export async function startServer(config: Config, outside: EmbedderDeps & { log?: (message: string) => void; indexReady?: boolean; clusterWorker?: boolean } = {}): Promise<RunningServer> {
  const logger = pino({ level: config.logLevel }, pino.destination({ dest: 2, sync: true }));
  const log = outside.log ?? ((message: string) => logger.warn(message));
  // With several workers the primary prepares the index once; workers only open it.
  if (!outside.indexReady) await prepareIndex(config, { ...outside, log });
  const service = await createAnswerService(config, { ...outside, log });
  const stopWatching = service.watch(config.reloadPollMs);
  const slack = createSlackBotFromConfig(config, service.current, log);
  // With several workers a client's connections land on different processes: the limit counts in a file they share.
  const rateWindow = config.rateLimitPerMin && config.workers > 1 ? sharedRateWindow(config.stateFile) : undefined;
  const app = createApp({
    deps: service.current, maxBodyBytes: config.maxBodyBytes, log: (m) => logger.error(m), logger, generatorName: generatorKind(config), slack, processMetrics: true, ...(outside.clusterWorker ? { clusterMetrics: clusterMetricsOf } : {}),
    apiKeys: config.apiKeys, rateLimitPerMin: config.rateLimitPerMin, ...(rateWindow ? { rateWindow } : {}), corsOrigins: config.corsOrigins, reload: service.reload,
  });
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  const http = server as ServerType & { closeIdleConnections?: () => void; closeAllConnections?: () => void };
  return {
    url: `http://${host}:${port}`,
    port,
    /** Stops accepting, lets open requests and SSE streams finish (bounded), then drops what is left. */
    close: async () => {
      stopWatching();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      http.closeIdleConnections?.();
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<void>((resolve) => { timer = setTimeout(resolve, config.shutdownTimeoutMs); });
      await Promise.race([closed, deadline]);
      clearTimeout(timer);
      http.closeAllConnections?.();
      await slack?.bot.idle();
      rateWindow?.close();
    },
  };
}
