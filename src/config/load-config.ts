import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { ConfigError } from '../errors/wedge-error.js';

const optionalString = z.string().trim().min(1).optional().catch(undefined);
const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const commaList = <T extends z.ZodTypeAny>(item: T) => z.preprocess((value) => (typeof value === 'string' ? value.split(',').map((v) => v.trim()).filter(Boolean) : value), z.array(item)).default([]);

/** Every setting wedge reads, with its environment variable name and default. */
export const configSchema = z.object({
  corpusDir: z.string().min(1).default('corpus'),
  indexDir: z.string().min(1).default('indexes/default'),
  cacheDir: z.string().min(1).default('indexes/.cache'),
  /** The shared data folder (speeches, IBM Debater sets) the question bank and training read; never copied into the repo. */
  dataDir: z.string().min(1).default('../shared/data'),
  /** The trained meaning model (stance, same point, support, answer heads) that ships in models/. */
  meaningModel: z.string().min(1).default('models/meaning-v1.bin'),
  /** The answer model (an answer head trained listwise with a no-answer option); the meaning model's answer head when the file is absent. */
  answerModel: z.string().min(1).default('models/answer-v2.bin'),
  /** The same-point model (a same-point head trained listwise, as key point analysis decides); the meaning model's own head when the file is absent. */
  samePointModel: z.string().min(1).default('models/same-point-v1.bin'),
  /** A boosted answerability model to decline with (npm run fit:ranker -- --boosted); unset: the fitted logistic one in use. */
  answerabilityModel: optionalString,
  /** The hybrid ranking's dense weight in RRF and MMR's λ, as "0.1,0.85" (npm run fit:fusion measures settings); unset: defaultFusion's for the embedder. */
  fusion: z.preprocess(
    (value) => (typeof value === 'string' && value.trim() ? value.split(',').map((v) => Number(v.trim())) : undefined),
    z.tuple([z.number().min(0).max(10), z.number().min(0).max(1)], { message: 'WEDGE_FUSION is "dense weight,MMR lambda", e.g. 0.1,0.85' })
      .transform(([denseWeight, mmrLambda]) => ({ denseWeight, mmrLambda })).optional(),
  ),
  /** Unset means: glove for new builds, and whatever the index was built with for queries. */
  embedder: z.enum(['glove', 'openai']).optional(),
  openaiApiKey: optionalString,
  openaiBaseUrl: z.string().url().optional(),
  openaiEmbeddingModel: z.string().min(1).default('text-embedding-3-small'),
  openaiTimeoutMs: positiveInt(30_000),
  openaiMaxRetries: z.coerce.number().int().min(0).max(10).default(2),
  openaiBatchSize: positiveInt(96),
  /** Unset means: llm when an OpenAI key or base URL is set, else extractive. */
  generator: z.enum(['extractive', 'llm']).optional(),
  openaiModel: z.string().min(1).default('gpt-4o-mini'),
  promptsDir: z.string().min(1).default('prompts'),
  port: z.coerce.number().int().min(0).max(65535).default(8787),
  host: z.string().min(1).default('127.0.0.1'),
  maxBodyBytes: positiveInt(64 * 1024),
  slackSigningSecret: optionalString,
  slackBotToken: optionalString,
  slackApiUrl: z.string().url().optional(),
  feedbackFile: z.string().min(1).default('data/feedback.jsonl'),
  /** SQLite file every server process on the machine shares: the Slack events answered, each client's recent requests for the rate limit. */
  stateFile: z.string().min(1).default('data/server-state.sqlite'),
  apiKeys: commaList(z.string().min(16, 'each API key needs at least 16 characters')),
  rateLimitPerMin: z.coerce.number().int().min(0).default(0),
  corsOrigins: commaList(z.string().regex(/^https?:\/\/[^/\s]+$/, 'each origin is scheme://host[:port], with no path')),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  shutdownTimeoutMs: positiveInt(10_000),
  reloadPollMs: z.coerce.number().int().min(0).default(2000),
  llmFailuresToOpen: positiveInt(3),
  llmCooldownMs: positiveInt(30_000),
  store: z.enum(['local', 'postgres']).default('local'),
  /** Server processes on one port: one per core by default (what the machine can run at once), at most 64. */
  workers: z.coerce.number().int().min(1).max(64).default(() => Math.min(64, availableParallelism())),
  /** How many answers the server keeps for questions asked again (same build, generator, mode, conversation); 0 turns the cache off. */
  answerCacheEntries: z.coerce.number().int().min(0).default(1000),
  databaseUrl: optionalString,
}).refine((c) => !c.slackSigningSecret || c.slackBotToken, { message: 'SLACK_SIGNING_SECRET is set, so SLACK_BOT_TOKEN (xoxb-...) is needed too', path: ['slackBotToken'] })
  .refine((c) => c.store !== 'postgres' || c.databaseUrl, { message: 'WEDGE_STORE=postgres needs DATABASE_URL (postgres://user:password@host:5432/db)', path: ['databaseUrl'] });

/** Resolved settings. */
export type Config = z.infer<typeof configSchema>;

/** Which environment variable feeds which setting; the README table mirrors this. */
export const envNames: Record<keyof Config, string> = {
  corpusDir: 'WEDGE_CORPUS_DIR',
  indexDir: 'WEDGE_INDEX_DIR',
  cacheDir: 'WEDGE_CACHE_DIR',
  dataDir: 'WEDGE_DATA_DIR',
  meaningModel: 'WEDGE_MEANING_MODEL',
  answerModel: 'WEDGE_ANSWER_MODEL',
  samePointModel: 'WEDGE_SAME_POINT_MODEL',
  answerabilityModel: 'WEDGE_ANSWERABILITY_MODEL',
  fusion: 'WEDGE_FUSION',
  embedder: 'WEDGE_EMBEDDER',
  openaiApiKey: 'OPENAI_API_KEY',
  openaiBaseUrl: 'OPENAI_BASE_URL',
  openaiEmbeddingModel: 'WEDGE_OPENAI_EMBEDDING_MODEL',
  openaiTimeoutMs: 'WEDGE_OPENAI_TIMEOUT_MS',
  openaiMaxRetries: 'WEDGE_OPENAI_MAX_RETRIES',
  openaiBatchSize: 'WEDGE_OPENAI_BATCH_SIZE',
  generator: 'WEDGE_GENERATOR',
  openaiModel: 'WEDGE_OPENAI_MODEL',
  promptsDir: 'WEDGE_PROMPTS_DIR',
  port: 'PORT',
  host: 'WEDGE_HOST',
  maxBodyBytes: 'WEDGE_MAX_BODY_BYTES',
  slackSigningSecret: 'SLACK_SIGNING_SECRET',
  slackBotToken: 'SLACK_BOT_TOKEN',
  slackApiUrl: 'SLACK_API_URL',
  feedbackFile: 'WEDGE_FEEDBACK_FILE',
  stateFile: 'WEDGE_STATE_FILE',
  apiKeys: 'WEDGE_API_KEYS',
  rateLimitPerMin: 'WEDGE_RATE_LIMIT_PER_MIN',
  corsOrigins: 'WEDGE_CORS_ORIGINS',
  logLevel: 'WEDGE_LOG_LEVEL',
  shutdownTimeoutMs: 'WEDGE_SHUTDOWN_TIMEOUT_MS',
  reloadPollMs: 'WEDGE_RELOAD_POLL_MS',
  llmFailuresToOpen: 'WEDGE_LLM_FAILURES_TO_OPEN',
  llmCooldownMs: 'WEDGE_LLM_COOLDOWN_MS',
  store: 'WEDGE_STORE',
  workers: 'WEDGE_WORKERS',
  answerCacheEntries: 'WEDGE_ANSWER_CACHE',
  databaseUrl: 'DATABASE_URL',
};

/** Builds the config: explicit overrides win over the environment, which wins over defaults. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const raw: Record<string, unknown> = {};
  for (const [key, name] of Object.entries(envNames)) {
    const value = env[name];
    if (value !== undefined && value !== '') raw[key] = value;
  }
  for (const [key, value] of Object.entries(overrides)) {
    if (value !== undefined) raw[key] = value;
  }
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const key = String(issue.path[0]) as keyof Config;
      const source = overrides[key] !== undefined ? `--${key}` : envNames[key] ?? key;
      return `${source}: ${issue.message}`;
    });
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`, parsed.error.issues);
  }
  return parsed.data;
}
