import cluster, { type Worker } from 'node:cluster';
import type { Config } from '../config/load-config.js';
import { WedgeError } from '../errors/wedge-error.js';
import { prepareIndex } from '../indexing/prepare-index.js';
import { serveClusterMetrics } from './cluster-metrics.js';

/**
 * Runs `workers` server processes on one port (node:cluster hands connections out in turn): one
 * Node.js event loop per core. The primary prepares the index once, forks the workers, restarts one
 * that dies, and on SIGTERM/SIGINT asks each to shut down gracefully. Resolves with the served URL;
 * `stopped` resolves when every worker has exited after a shutdown.
 */
export async function serveWorkers(config: Config, log: (message: string) => void): Promise<{ url: string; stopped: Promise<void> }> {
  await prepareIndex(config, { log });
  serveClusterMetrics();
  let stopping = false;
  const fork = () => cluster.fork({ WEDGE_WORKER: '1' });
  const workers: Worker[] = Array.from({ length: config.workers }, fork);
  const url = await new Promise<string>((resolve, reject) => {
    let ready = 0;
    cluster.on('message', (_worker, message: { url?: string }) => { if (message.url && ++ready === config.workers) resolve(message.url); });
    cluster.on('exit', (worker, code) => {
      if (stopping) return;
      if (ready < config.workers) {
        // One failed to start (its error is on stderr): take the others down too rather than serve half-started.
        stopping = true;
        for (const other of Object.values(cluster.workers ?? {})) other?.process.kill('SIGTERM');
        return reject(new WedgeError(500, 'worker_failed', `a worker stopped while starting (exit ${code}); its error is above`));
      }
      log(`wedge: worker ${worker.process.pid} exited with ${code}; starting another`);
      workers.push(fork());
    });
  });
  const stopped = new Promise<void>((resolve) => {
    const stop = () => {
      stopping = true;
      const alive = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w && !w.isDead());
      if (!alive.length) return resolve();
      let left = alive.length;
      for (const worker of alive) {
        worker.once('exit', () => { if (--left === 0) resolve(); });
        // Signal the process itself: its own handler closes the server gracefully (worker.kill would first wait on an IPC disconnect).
        worker.process.kill('SIGTERM');
      }
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return { url, stopped };
}

/** True in a process forked by serveWorkers. */
export const isServeWorker = (env: NodeJS.ProcessEnv) => cluster.isWorker && env.WEDGE_WORKER === '1';
