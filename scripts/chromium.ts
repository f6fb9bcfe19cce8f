/** How this project runs Debian's Chromium headless (browser tests and the render benchmark). */
export const CHROMIUM_PATH = "/usr/bin/chromium";

/** No sandbox (root), no GPU, and nothing that would call out to the network. */
export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
