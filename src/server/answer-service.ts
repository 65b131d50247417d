import { warmUp, type AnswerDeps } from '../answer/answer-question.js';
import { createAnswerDeps } from '../answer/create-answer-deps.js';
import type { Config } from '../config/load-config.js';
import type { EmbedderDeps } from '../embeddings/create-embedder.js';
import { EmbedderMismatchError } from '../errors/wedge-error.js';
import { openIndex, readCurrentBuild, type OpenIndex } from '../indexing/open-index.js';
import { openPgIndex, readPgBuildId, type PgIndex } from '../indexing/postgres/open-pg-index.js';
import { createPgRetriever } from '../retrieval/postgres/create-pg-retriever.js';
import { createRetriever } from '../retrieval/create-retriever.js';
import { loadRetriever } from '../retrieval/load-retriever.js';

/** How long a replaced index stays open for requests that started on it. */
const RETIRE_AFTER_MS = 60_000;

/**
 * Holds the live answer dependencies and swaps in a new index without a restart. A swap replaces one
 * reference: requests already running keep the deps they started with and finish on the old index.
 */
export async function createAnswerService(config: Config, outside: EmbedderDeps & { log: (message: string) => void }) {
  let deps = await createAnswerDeps(config, outside);
  warmUp(deps);
  let reloading: Promise<{ buildId: string; changed: boolean }> | undefined;

  async function reload(): Promise<{ buildId: string; changed: boolean }> {
    reloading ??= (async () => {
      try {
        const live = deps.retriever.index.manifest.buildId;
        const pool = (deps.retriever.index as Partial<PgIndex>).pool;
        const latest = pool ? await readPgBuildId(pool) : await readCurrentBuild(config.indexDir);
        if (!latest || latest === live) return { buildId: live, changed: false };
        // Reuse the live embedder (and its 40 MB of word vectors) when the new build was made with the same one.
        const embedder = deps.retriever.index.embedder;
        const reopen = pool ? openPgIndex(pool, embedder).then((index) => createPgRetriever(index, config.fusion)) : openIndex(config.indexDir, embedder).then((index) => createRetriever(index, config.fusion));
        const retriever = await reopen.catch((error: unknown) => {
          if (error instanceof EmbedderMismatchError) return loadRetriever(config, outside);
          throw error;
        });
        const next: AnswerDeps = { ...deps, retriever };
        warmUp(next);
        // The old build's SQLite file is closed once requests that started on it have long finished.
        const retired = (deps.retriever.index as Partial<OpenIndex>).store;
        if (retired) setTimeout(() => retired.close(), RETIRE_AFTER_MS).unref();
        deps = next;
        outside.log(`Index reloaded: ${live} -> ${next.retriever.index.manifest.buildId}`);
        return { buildId: next.retriever.index.manifest.buildId, changed: true };
      } finally {
        reloading = undefined;
      }
    })();
    return reloading;
  }

  return {
    current: () => deps,
    reload,
    /** Polls the live build id (CURRENT file, or the Postgres meta row) so a re-index elsewhere is picked up; returns a stop function. */
    watch(intervalMs: number): () => void {
      if (intervalMs <= 0) return () => {};
      const timer = setInterval(() => {
        reload().catch((error: unknown) => outside.log(`Index reload failed (the old index stays live): ${(error as Error).message}`));
      }, intervalMs);
      timer.unref();
      return () => clearInterval(timer);
    },
  };
}
