import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AnswerDeps } from '../answer/answer-question.js';
import { NotFoundError, PayloadTooLargeError } from '../errors/wedge-error.js';
import { chatRoute } from './http/chat-route.js';
import { documentsRoutes } from './http/documents-route.js';
import { handleError, toErrorBody } from './http/error-response.js';
import { openaiRoutes } from './http/openai-routes.js';
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
  log?: (message: string) => void;
  /** Shown by /health. */
  generatorName?: string;
  /** The built chat page; defaults to dist/ui of this package. */
  uiDir?: string;
  /** Slack bot; without it the /slack routes do not exist (404). */
  slack?: { signingSecret: string; bot: SlackBot };
}

/** Builds the Hono app: chat page, answer API, search, documents, OpenAI-compatible facade, health. Knows no process or port. */
export function createApp(options: AppOptions): Hono {
  const { deps, clock = () => new Date(), maxBodyBytes = 64 * 1024, log = (m) => console.error(m) } = options;
  const retriever = () => deps().retriever;
  const app = new Hono();
  app.use('*', bodyLimit({ maxSize: maxBodyBytes, onError: () => { throw new PayloadTooLargeError(maxBodyBytes); } }));
  app.get('/health', (c) => {
    const { manifest } = retriever().index;
    return c.json({
      status: 'ok',
      index: { buildId: manifest.buildId, createdAt: manifest.createdAt, docs: manifest.counts.docs, chunks: manifest.counts.chunks, embedder: manifest.embedder.id },
      generator: options.generatorName ?? deps().generator.name,
    });
  });
  app.post('/api/chat', chatRoute(deps));
  app.post('/api/search', searchRoute(retriever));
  app.post('/api/score', scoreRoute(retriever));
  app.route('/api/documents', documentsRoutes(retriever));
  app.route('/v1', openaiRoutes(deps, clock));
  if (options.slack) app.route('/slack', slackRoutes({ ...options.slack, now: clock }));
  app.route('/', uiRoutes(options.uiDir ?? defaultUiDir()));
  app.notFound((c) => c.json(toErrorBody(new NotFoundError(`No route ${c.req.method} ${c.req.path}.`)).body, 404));
  app.onError(handleError(log));
  return app;
}
