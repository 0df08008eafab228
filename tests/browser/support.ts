// What browser tests share: the demo site built once per test file into a git-ignored folder,
// served on 127.0.0.1, and Debian's Chromium. Without Chromium the tests are skipped locally
// with a message, but CI (CI=true) installs it and fails if it is missing.
import { existsSync, mkdirSync, mkdtempSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Browser } from "playwright-core";
import { launchBrowser } from "../../src/print/browser";
import { CHROMIUM } from "../../src/print/missing-browser";
import { serveSite, type SiteServer } from "../../src/print/server";
import { build } from "../publish/tree";

export const hasChromium = existsSync(CHROMIUM);
if (!hasChromium && !process.env.CI)
  console.warn(`Tests dans un navigateur ignorés : Chromium absent (${CHROMIUM}). Installez-le : apt-get install chromium`);
export const skipBrowser = !hasChromium && !process.env.CI;

/** Screenshots kept as CI artefacts. */
export const ARTEFACTS = resolve("test-artifacts");

export interface BuiltSite {
  dir: string;
  server: SiteServer;
  browser: Browser;
  close(): Promise<void>;
}

/** Builds `config` (the demo by default) into a fresh folder and serves it. */
export async function builtSite(config = "data/demo/config.yaml"): Promise<BuiltSite> {
  mkdirSync(resolve(".build"), { recursive: true });
  const dir = join(mkdtempSync(join(resolve(".build"), "site-")), "dist");
  const run = build(config, dir);
  if (run.status !== 0) throw new Error(`la construction du site a échoué :\n${run.output}`);
  const server = await serveSite(dir);
  const browser = await launchBrowser();
  return { dir, server, browser, close: async () => (await browser.close(), await server.close()) };
}
