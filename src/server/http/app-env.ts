import type { Logger } from 'pino';

/** Per-request values the middlewares set: request id, who is calling, and a logger bound to both. */
export type AppEnv = { Variables: { requestId: string; clientId: string; logger: Logger } };
