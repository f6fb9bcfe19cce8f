/** Vite configuration of the explorer: root web/, React, output web/dist (served by the server at /). */
import path from "node:path";
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { compression } from "vite-plugin-compression2";

const webRoot = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: webRoot,
  base: "/",
  // Brotli and gzip copies beside each asset, made once at build; the server sends the smallest the browser accepts.
  plugins: [react(), compression({ algorithms: ["brotliCompress", "gzip"], threshold: 1024 })],
  build: {
    outDir: path.join(webRoot, "dist"),
    emptyOutDir: true,
    // No inline scripts: the server applies a CSP without 'unsafe-inline' for scripts.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: { "/graphql": process.env.ATLAS_API ?? "http://localhost:4000" },
  },
});
