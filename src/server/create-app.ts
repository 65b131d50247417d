import { Hono } from 'hono';
import type { Registry } from 'prom-client';
import { cors } from 'hono/cors';
import { secureHeaders } from 'hono/secure-headers';
import { pino, type Logger } from 'pino';
import type { AnswerDeps } from '../answer/answer-question.js';
import { ForbiddenError, NotFoundError } from '../errors/wedge-error.js';
import { apiKeyAuth } from './http/api-key-auth.js';
import type { AppEnv } from './http/app-env.js';
import { chatRoute } from './http/chat-route.js';
import { documentsRoutes } from './http/documents-route.js';
import { handleError, toErrorBody } from './http/error-response.js';
import { limitBody } from './http/limit-body.js';
import { createMetrics } from './http/metrics.js';
import { openaiRoutes } from './http/openai-routes.js';
import { rateLimit } from './http/rate-limit.js';
import type { RateWindow } from './http/rate-window.js';
import { requestContext } from './http/request-context.js';
import { scoreRoute } from './http/score-route.js';
import { searchRoute } from './http/search-route.js';
import type { SlackBot } from './slack/slack-bot.js';
import { slackRoutes } from './slack/slack-routes.js';
import { defaultUiDir, uiRoutes } from './ui/serve-ui.js';

/** What the HTTP app is built from; everything that talks to the outside comes in here. */
export interface AppOptions {
  /** Current answer dependencies (a function, so a re-index can swap them atomically). */
  deps: () => AnswerDeps;
  clock?: () => Date;
  maxBodyBytes?: number;
  /** Unexpected errors (5xx), for the operator; never sent to clients. */
  log?: (message: string) => void;
  /** Structured access logs (pino); silent when not given. */
  logger?: Logger;
  /** Shown by /health. */
  generatorName?: string;
  /** Also report the process's own metrics (event-loop delay, GC, heap) in /metrics: for the one app a server runs. */
  processMetrics?: boolean;
  /** In a worker of several: /metrics reports every worker's metrics combined, read with this (cluster-metrics.ts). */
  clusterMetrics?: (registry: Registry) => () => Promise<string>;
  /** The built chat page; defaults to dist/ui of this package. */
  uiDir?: string;
  /** Slack bot; without it the /slack routes do not exist (404). */
  slack?: { signingSecret: string; bot: SlackBot };
  /** When set, /api/*, /v1/*, /metrics and /admin/* need `Authorization: Bearer <one of these>`. */
  apiKeys?: string[];
  /** Requests per minute per API key (per address without keys); 0 or unset: no limit. */
  rateLimitPerMin?: number;
  /** Where the rate limit counts requests: this process's memory by default, a file every worker shares with several. */
  rateWindow?: RateWindow;
  /** Origins allowed to call the API from browsers; none by default (CORS off). */
  corsOrigins?: string[];
  /** Swaps in the latest index (POST /admin/reload). */
  reload?: () => Promise<{ buildId: string; changed: boolean }>;
}

/** The chat page's Content-Security-Policy: its own scripts, styles and API only; nothing inline, nothing remote. */
const CSP = {
  defaultSrc: ["'self'"], scriptSrc: ["'self'"], styleSrc: ["'self'"], imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"], fontSrc: ["'self'"], objectSrc: ["'none'"], baseUri: ["'none'"], formAction: ["'self'"], frameAncestors: ["'none'"],
};

/** Builds the Hono app: chat page, answer API, search, scoring, documents, OpenAI-compatible facade, Slack, health, metrics. */
export function createApp(options: AppOptions): Hono<AppEnv> {
  const { deps, clock = () => new Date(), maxBodyBytes = 64 * 1024 } = options;
  const logger = options.logger ?? pino({ level: 'silent' });
  const log = options.log ?? ((message: string) => logger.error(message));
  const retriever = () => deps().retriever;
  const metrics = createMetrics({ process: options.processMetrics });
  const allWorkers = options.clusterMetrics?.(metrics.registry);
  const app = new Hono<AppEnv>();

  app.use('*', requestContext(logger, metrics.observe));
  app.use('*', secureHeaders({ contentSecurityPolicy: CSP, crossOriginEmbedderPolicy: false }));
  if (options.corsOrigins?.length) {
    app.use('/api/*', cors({ origin: options.corsOrigins, allowHeaders: ['Content-Type', 'Authorization'], allowMethods: ['GET', 'POST'], exposeHeaders: ['X-Request-Id', 'Retry-After'] }));
    app.use('/v1/*', cors({ origin: options.corsOrigins, allowHeaders: ['Content-Type', 'Authorization'], allowMethods: ['GET', 'POST'] }));
  }
  app.use('*', limitBody(maxBodyBytes));
  // One window per client across the routes it limits: N a minute is N in all.
  const limit = options.rateLimitPerMin ? rateLimit(options.rateLimitPerMin, () => clock().getTime(), options.rateWindow) : undefined;
  for (const path of ['/api/*', '/v1/*', '/metrics', '/admin/*']) {
    if (options.apiKeys?.length) app.use(path, apiKeyAuth(options.apiKeys));
    if (limit) app.use(path, limit);
  }

  const onResult = (result: { degraded?: boolean; cached?: boolean }) => {
    if (result.degraded) metrics.fallback();
    if (result.cached) metrics.cached();
  };
  app.get('/health', (c) => {
    const { manifest } = retriever().index;
    return c.json({
      status: 'ok',
      index: { buildId: manifest.buildId, createdAt: manifest.createdAt, docs: manifest.counts.docs, chunks: manifest.counts.chunks, embedder: manifest.embedder.id },
      generator: options.generatorName ?? deps().generator.name,
    });
  });
  app.get('/metrics', async (c) => {
    const { counts } = retriever().index.manifest;
    metrics.index(counts.docs, counts.chunks);
    return c.text(await (allWorkers ? allWorkers() : metrics.registry.metrics()), 200, { 'Content-Type': metrics.registry.contentType });
  });
  app.post('/admin/reload', async (c) => {
    if (!options.apiKeys?.length) throw new ForbiddenError('Reloading is switched off: set WEDGE_API_KEYS to enable POST /admin/reload.');
    if (!options.reload) throw new ForbiddenError('This server cannot reload its index.');
    return c.json(await options.reload());
  });
  app.post('/api/chat', chatRoute(deps, onResult));
  app.post('/api/search', searchRoute(retriever));
  app.post('/api/score', scoreRoute(deps));
  app.route('/api/documents', documentsRoutes(retriever));
  app.route('/v1', openaiRoutes(deps, clock, onResult));
  if (options.slack) app.route('/slack', slackRoutes({ ...options.slack, now: clock }));
  app.route('/', uiRoutes(options.uiDir ?? defaultUiDir()));
  app.notFound((c) => c.json(toErrorBody(new NotFoundError(`No route ${c.req.method} ${c.req.path}.`)).body, 404));
  app.onError(handleError(log));
  return app;
}
