declare module "cytoscape-fcose" {
  import type { Ext } from "cytoscape";

  const fcose: Ext;
  export default fcose;
}

declare module "*.css";

declare module "cytoscape-dagre" {
  import type { Ext } from "cytoscape";

  const dagre: Ext;
  export default dagre;
}
