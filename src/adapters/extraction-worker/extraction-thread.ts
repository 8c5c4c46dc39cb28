// The worker side of WorkerEntityExtractor: runs the rules extractor on its own thread and answers
// each {id, text, context} with {id, extraction} or {id, error}, one at a time.
import { parentPort, workerData } from 'node:worker_threads';
import type { ExtractionContext } from '../../ports/entity-extractor.js';
import { RulesEntityExtractor } from '../extraction/rules-entity-extractor.js';

interface Request {
  readonly id: number;
  readonly text: string;
  readonly context: ExtractionContext;
}

const extractor = new RulesEntityExtractor(workerData as { confidenceThreshold?: number });
const ready = extractor.init();
parentPort?.on('message', async (request: Request) => {
  try {
    await ready;
    const extraction = await extractor.extract(request.text, request.context);
    parentPort?.postMessage({ id: request.id, extraction });
  } catch (error) {
    parentPort?.postMessage({ id: request.id, error: (error as Error).message ?? String(error) });
  }
});
ready.then(
  () => parentPort?.postMessage({ ready: true }),
  (error: unknown) => parentPort?.postMessage({ ready: false, error: String(error) }),
);
