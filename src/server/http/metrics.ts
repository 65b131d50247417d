import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * Prometheus metrics of one app (its own registry, so tests can build many apps). With `process`, also Node's
 * own (prom-client's defaults: event-loop delay, GC, heap, CPU), which watch the whole process: the server's one app.
 */
export function createMetrics(options: { process?: boolean } = {}) {
  const registry = new Registry();
  // Event-loop delay sampled every millisecond, so a stall of a few milliseconds under load shows in its p99 and max.
  if (options.process) collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 1 });
  const requests = new Counter({ name: 'wedge_http_requests_total', help: 'HTTP requests by route, method and status.', labelNames: ['route', 'method', 'status'], registers: [registry] });
  const latency = new Histogram({ name: 'wedge_http_request_duration_seconds', help: 'HTTP request latency by route.', labelNames: ['route', 'method'], buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10], registers: [registry] });
  const fallbacks = new Counter({ name: 'wedge_generator_fallbacks_total', help: 'Answers that fell back to the offline generator (degraded).', registers: [registry] });
  const cached = new Counter({ name: 'wedge_answers_cached_total', help: 'Answers served from the answer cache (a question asked again).', registers: [registry] });
  // With several workers these are each worker's view of one index: combined by max, not summed.
  const indexChunks = new Gauge({ name: 'wedge_index_chunks', help: 'Passages in the live index.', aggregator: 'max', registers: [registry] });
  const indexDocs = new Gauge({ name: 'wedge_index_documents', help: 'Articles in the live index.', aggregator: 'max', registers: [registry] });
  return {
    registry,
    observe(route: string, method: string, status: number, seconds: number) {
      requests.inc({ route, method, status: String(status) });
      latency.observe({ route, method }, seconds);
    },
    fallback: () => fallbacks.inc(),
    cached: () => cached.inc(),
    index(docs: number, chunks: number) { indexDocs.set(docs); indexChunks.set(chunks); },
  };
}

/** The metrics of one app. */
export type Metrics = ReturnType<typeof createMetrics>;
