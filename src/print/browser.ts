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

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new MissingBrowserError();
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}
