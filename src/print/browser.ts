// Debian's Chromium driven by playwright-core: never a downloaded browser. These flags keep it
// from reaching out to the network, which this machine and CI refuse.
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-sync",
];

export class MissingBrowserError extends Error {
  constructor() {
    super(
      `Chromium est introuvable (${CHROMIUM}). Installez-le depuis Debian : sudo apt-get update && sudo apt-get install -y chromium ` +
        "(ou indiquez son chemin dans la variable CHROMIUM_PATH). Le site lui-même se construit sans lui.",
    );
    this.name = "MissingBrowserError";
  }
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new MissingBrowserError();
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}
