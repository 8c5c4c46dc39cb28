declare module 'cytoscape-fcose' {
  import type { Ext } from 'cytoscape';

  /** The fCoSE force-directed layout as a cytoscape extension (`cytoscape.use`). */
  const fcose: Ext;
  export default fcose;
}
