/** Entry point: mounts the explorer. Loaded as a module script (no inline scripts: CSP). */
// The first requests go out before anything else runs; the base styles come first of the styles:
// each component's own styles, imported by it, build on them.
import "./state/prefetch.js";
import "./base.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/App.js";

const root = document.getElementById("root");
if (!root) throw new Error('index.html must contain <div id="root"></div> for the explorer to mount into.');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
