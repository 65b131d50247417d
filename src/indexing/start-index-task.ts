import { getHeapStatistics } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { runIndexTask, type IndexTask, type IndexTaskResult } from './index-tasks.js';

/**
 * Runs an index task on a worker thread, so a build uses a second core while this one embeds.
 * From TypeScript sources (a test runner) there is no compiled worker script, so the task runs here instead;
 * the result is the same file either way. `inProcess` skips the thread where starting it costs more than it saves.
 */
export function startIndexTask<T extends IndexTask>(task: T, options: { inProcess?: boolean } = {}): Promise<IndexTaskResult<T>> {
  if (options.inProcess || !import.meta.url.endsWith('.js')) return runIndexTask(task);
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./index-worker.js', import.meta.url), {
      workerData: task,
      transferList: task.kind === 'hnsw' ? [task.vectors.buffer as ArrayBuffer] : [],
      // A worker does not inherit --max-old-space-size; a large corpus's BM25 index needs the same room.
      resourceLimits: { maxOldGenerationSizeMb: Math.ceil(getHeapStatistics().heap_size_limit / 1024 / 1024) },
    });
    let done = false;
    worker.once('message', (message: { result: IndexTaskResult<T> }) => { done = true; resolve(message.result); });
    worker.once('error', reject);
    worker.once('exit', (code) => { if (!done) reject(new Error(`index ${task.kind} worker stopped with exit code ${code}`)); });
  });
}
