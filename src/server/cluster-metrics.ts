import cluster from 'node:cluster';
import { AggregatorRegistry, type Registry } from 'prom-client';

const REQUEST = 'wedge:metrics-req';
const RESPONSE = 'wedge:metrics-res';
const TIMEOUT_MS = 5000;

type Message = { type?: string; id?: number; text?: string; error?: string };

/**
 * In the primary of several workers: answers a worker's request for every worker's metrics, summed or combined
 * as each metric says (prom-client's AggregatorRegistry asks each worker for its registry over IPC).
 */
export function serveClusterMetrics(): void {
  const aggregator = new AggregatorRegistry();
  cluster.on('message', (worker, message: Message) => {
    if (message?.type !== REQUEST) return;
    aggregator.clusterMetrics().then(
      (text) => worker.send({ type: RESPONSE, id: message.id, text }),
      (error: Error) => worker.send({ type: RESPONSE, id: message.id, error: error.message }),
    );
  });
}

/**
 * In a worker: offers this worker's registry to the primary's aggregation, and returns a function that reads the
 * metrics of all workers (what one scrape of /metrics should report, whichever worker answers it).
 */
export function clusterMetricsOf(registry: Registry): () => Promise<string> {
  new AggregatorRegistry();
  AggregatorRegistry.setRegistries([registry]);
  let next = 0;
  const pending = new Map<number, { resolve: (text: string) => void; reject: (error: Error) => void; timer: NodeJS.Timeout }>();
  process.on('message', (message: Message) => {
    const request = message?.type === RESPONSE && message.id !== undefined ? pending.get(message.id) : undefined;
    if (!request) return;
    pending.delete(message.id!);
    clearTimeout(request.timer);
    if (message.error !== undefined) request.reject(new Error(`metrics of the other workers: ${message.error}`));
    else request.resolve(message.text ?? '');
  });
  return () => new Promise((resolve, reject) => {
    const id = next++;
    const timer = setTimeout(() => { pending.delete(id); reject(new Error('metrics of the other workers: no answer from the primary')); }, TIMEOUT_MS);
    pending.set(id, { resolve, reject, timer });
    process.send!({ type: REQUEST, id });
  });
}
