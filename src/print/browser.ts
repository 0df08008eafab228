// Debian's Chromium driven by playwright-core: never a downloaded browser. These flags keep it
// from reaching out to the network, which this machine and CI refuse.
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";
import { CHROMIUM, MissingBrowserError } from "./missing-browser";

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-sync",
];

/**
 * For `npm run pdf` alone: each page composited on its main thread rather than a thread of its own,
 * which spares about 15 % of the CPU a portrait takes in its renderer (measured with the same PDFs,
 * byte for byte). Not for pages that are clicked or photographed: headless Chromium then draws them no
 * frame, so screenshots fail and clicks wait forever for their element to be still.
 */
const PRINTING_ARGS = ["--disable-threaded-compositing"];

export async function launchBrowser(options: { printing?: boolean } = {}): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new MissingBrowserError();
  return chromium.launch({ executablePath: CHROMIUM, args: options.printing ? [...CHROMIUM_ARGS, ...PRINTING_ARGS] : CHROMIUM_ARGS });
}
