import type { Core } from 'cytoscape';

declare global {
  interface Window {
    /** The open graph view's cytoscape instance (ui/src/views/graph.ts). */
    engramGraph?: Core | undefined;
  }
}
