/**
 * Debian's Chromium, as the browser tests (playwright.config.ts) and `npm run lighthouse` launch it:
 * CHROMIUM_PATH, else /usr/bin/chromium; the flags keep it off this machine's closed network.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
