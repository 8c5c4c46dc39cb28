import type { TestProject } from 'vitest/node';
import { startChromaServer } from './chroma-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the one Chroma server of the run; each test file uses its own collection prefix. */
    chromaUrl: string;
  }
}

/** Vitest global setup: one Chroma server for the whole run, killed when the run ends. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const chroma = await startChromaServer();
  project.provide('chromaUrl', chroma.url);
  return () => chroma.stop();
}
