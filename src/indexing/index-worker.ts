import { parentPort, workerData } from 'node:worker_threads';
import { runIndexTask, type IndexTask } from './index-tasks.js';

// Entry point of the build's second thread (see start-index-task.ts): one task, then its result as a message, and exit.
parentPort?.postMessage({ result: await runIndexTask(workerData as IndexTask) });
