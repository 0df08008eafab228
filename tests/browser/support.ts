// What browser tests share: the demo site built once per test file into a git-ignored folder,
// served on 127.0.0.1, and Debian's Chromium. Without Chromium the tests are skipped locally
// with a message, but CI (CI=true) installs it and fails if it is missing.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Browser, Page } from "playwright-core";
import { expect } from "vitest";
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

/** `npm run pdf -- --out <dir>`, as a person runs it. */
export function pdfStep(out: string, env: Record<string, string> = {}, options: string[] = []) {
  const run = spawnSync(process.execPath, ["--import", "tsx", "src/cli/pdf.ts", "--out", out, ...options], {
    encoding: "utf8",
    env: { ...process.env, ...env },
  });
  return { status: run.status, output: run.stdout + run.stderr };
}

/** What a command-line tool (pdfinfo, pdftotext) writes on its standard output. */
export const tool = (cmd: string, ...args: string[]) => spawnSync(cmd, args, { encoding: "utf8" }).stdout;

/** The page at `url` shows its "Télécharger le PDF" link, with the file's size, and the link serves a PDF. */
export async function expectPdfLink(page: Page, url: string): Promise<void> {
  await page.goto(url);
  const link = page.locator("[data-pdf-link]");
  expect(await link.isVisible(), url).toBe(true);
  expect(await link.textContent()).toMatch(/^Télécharger le PDF \(\d+\s[KM]o\)$/);
  const response = await page.request.get(new URL((await link.locator("a").getAttribute("href"))!, url).href);
  expect(response.headers()["content-type"]).toBe("application/pdf");
}
