import type { Telemetry } from '../ports/telemetry.js';
import type { Metrics } from './metrics.js';

/** Telemetry backed by the Prometheus metrics of one app. */
export function metricsTelemetry(metrics: Metrics, embeddingProvider: string): Telemetry {
  return {
    observe(step, seconds) {
      if (step === 'entity_extraction') metrics.entityExtractionSeconds.observe(seconds);
      else if (step === 'memory_retrieval') metrics.memoryRetrievalSeconds.observe(seconds);
      else metrics.embeddingSeconds.labels(embeddingProvider).observe(seconds);
    },
    countOperation(operation) {
      metrics.memoryOperations.labels(operation).inc();
    },
  };
}
