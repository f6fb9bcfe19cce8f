import fs from "node:fs";

/** How this project runs Debian's Chromium headless (browser tests, the render benchmark, Lighthouse). */
export const CHROMIUM_PATH = "/usr/bin/chromium";

/**
 * Debian's headless shell (package chromium-headless-shell): the same Blink and V8 without the
 * desktop browser around them. The browser tests use it when it is installed (`.ci/run` installs
 * it): on this 2-core machine it used half the CPU of the full browser for the same tests
 * (94 against 197 CPU-s; the browser files' wall time 120 against 170 s). Without it, the full one.
 */
export const HEADLESS_SHELL_PATH = "/usr/bin/chromium-headless-shell";

/** The browser the tests drive: the headless shell if installed, else the full Chromium. */
export function testBrowserPath(): string {
  return fs.existsSync(HEADLESS_SHELL_PATH) ? HEADLESS_SHELL_PATH : CHROMIUM_PATH;
}

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
