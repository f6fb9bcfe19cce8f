/**
 * Asks for what the first view needs before the rest of the explorer's code has even run (main.tsx
 * imports this first): the ontology, and on the front page the map and its code, so the answers travel while
 * the bundle evaluates and React renders.
 */
import { prefetchOntology } from "../api/documents.js";
import { viewFromSearch } from "./url.js";
import { loadGraphMap } from "./useGraphMap.js";

prefetchOntology();
// The language does not matter here: only whether the view is empty (the map's landing view). The
// map's code is a file of its own, fetched beside its data.
if (viewFromSearch(window.location.search, "en").nodes.length === 0) {
  loadGraphMap().catch(() => {});
  import("../graph/MapView.js").catch(() => {});
}
