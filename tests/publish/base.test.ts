// The demo published under a sub-path (--base /portraits/), as on a GitHub Pages project, its PDF printed
// (with Chromium): served by the site server, which answers 404 outside that path, and crawled from the
// home page. Every link of
// every page (href, src, srcset, form actions, url() in styles, what the search script fetches and
// the links of its index, the links inside SVG files) must work and stay under the path. Each page's
// Content-Security-Policy must allow exactly its inline script and styles, which Chromium checks.
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { parseHTML } from "linkedom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../../src/print/browser";
import { PUBLISHING_HEADERS, serveSite, type SiteServer } from "../../src/print/server";
import { skipBrowser } from "../browser/support";
import { copyDemo } from "../check/demo-copy";
import { build } from "./tree";

const BASE = "/portraits/";
// The configuration says another base: the command line's wins.
const demo = copyDemo();
demo.edit("config.yaml", (text) => `${text}base: cle\n`);
mkdirSync(resolve(".build"), { recursive: true });
const dir = join(mkdtempSync(join(resolve(".build"), "base-")), "dist");
let server: SiteServer;
let origin: string;
/** Printed when Chromium is there: the portraits' PDF links are then shown, and lead somewhere. */
let printed = false;

beforeAll(async () => {
  const run = build(demo.config, dir, undefined, {}, ["--base", BASE]);
  if (run.status !== 0) throw new Error(`la construction a échoué :\n${run.output}`);
  if (!skipBrowser) {
    const pdf = spawnSync(process.execPath, ["--import", "tsx", "src/cli/pdf.ts", "--out", dir], { encoding: "utf8" });
    if (pdf.status !== 0) throw new Error(`npm run pdf a échoué :\n${pdf.stdout}${pdf.stderr}`);
    printed = true;
  }
  server = await serveSite(dir);
  origin = new URL(server.url).origin;
}, 240_000);
afterAll(async () => {
  await server?.close();
  for (const folder of [dirname(dir), demo.dir]) rmSync(folder, { recursive: true, force: true });
});

interface Found {
  /** The page or file it is written in. */
  from: string;
  raw: string;
  url: URL;
}

const URL_IN_CSS = /url\(\s*['"]?([^'")]+?)['"]?\s*\)/g;
const cssUrls = (css: string) => [...css.matchAll(URL_IN_CSS)].map((m) => m[1]).filter((u) => !u.startsWith("#"));

/**
 * Every page but the commune sheets and indicator pages, of which a few: each kind is one template,
 * whose every page the policy test above checks statically (some 600 pages in the demo).
 */
function sampled(files: string[]): string[] {
  const seen = new Map<string, number>();
  return files.filter((file) => {
    const kind = /\/(commune|indicateur)\/[^/]+\/index\.html$/.exec(file)?.[1];
    if (!kind) return true;
    seen.set(kind, (seen.get(kind) ?? 0) + 1);
    return seen.get(kind)! <= 5;
  });
}

/** Every link a document holds, by kind: its pages and their element ids are kept for the fragments. */
function linksOf(type: string, text: string): { links: string[]; ids?: Set<string> } {
  if (type.startsWith("text/html") || type.startsWith("image/svg+xml")) {
    const { document } = parseHTML(type.startsWith("text/html") ? text : `<!doctype html><html><body>${text}</body></html>`);
    const links: string[] = [];
    const ids = new Set<string>();
    for (const el of document.querySelectorAll("*")) {
      // A PDF link is an empty slot, hidden until `npm run pdf` fills it (the sheets' only with --fiches).
      if (el.closest("[data-pdf-link][hidden]")) continue;
      for (const { name, value } of el.attributes) {
        if (name === "id") ids.add(value);
        if (["href", "xlink:href", "src", "action", "data-commune-search"].includes(name)) links.push(value);
        if (name === "srcset") links.push(...value.split(",").map((c) => c.trim().split(/\s+/)[0]));
        if (name === "style") links.push(...cssUrls(value));
      }
      if (el.localName === "style") links.push(...cssUrls(el.textContent ?? ""));
    }
    return { links, ids };
  }
  if (type.startsWith("text/css")) return { links: cssUrls(text) };
  if (type.startsWith("application/json") && text.startsWith('{"epcis"')) return { links: (JSON.parse(text) as { epcis: { href?: string }[] }).epcis.flatMap((e) => e.href ?? []) };
  return { links: [] };
}

/** From the home page, every link followed once: what each answered, what led outside, the pages' ids. */
async function crawl() {
  const start = `${server.url}/`;
  const found: Found[] = [{ from: "(accueil)", raw: start, url: new URL(start) }];
  const status = new Map<string, number>();
  const ids = new Map<string, Set<string>>();
  const outside: Found[] = [];
  const external = new Set<string>();
  for (let i = 0; i < found.length; i++) {
    const { url } = found[i];
    const address = url.href.replace(/#.*/, "");
    if (status.has(address)) continue;
    const response = await fetch(address, { redirect: "manual" });
    status.set(address, response.status);
    if (response.status !== 200) continue;
    const type = response.headers.get("content-type") ?? "";
    const { links, ids: own } = linksOf(type, type.startsWith("application/zip") || type.startsWith("application/pdf") ? "" : await response.text());
    if (own && type.startsWith("text/html")) ids.set(address, own);
    for (const raw of links) {
      if (raw.startsWith("#") && own) continue; // checked below, on the same page
      const target = new URL(raw, address);
      if (target.origin !== origin) {
        expect(target.protocol, `${raw} dans ${address}`).toMatch(/^https?:$/);
        external.add(target.href);
      } else if (!target.pathname.startsWith(BASE)) outside.push({ from: address, raw, url: target });
      else found.push({ from: address, raw, url: target });
    }
    for (const raw of links.filter((l) => l.startsWith("#"))) found.push({ from: address, raw, url: new URL(raw, address) });
  }
  return { found, status, ids, outside, external };
}

const htmlFiles = (folder: string): string[] =>
  readdirSync(folder, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? htmlFiles(join(folder, e.name)) : e.name.endsWith(".html") ? [join(folder, e.name)] : [],
  );
const pageUrl = (file: string) => `${server.url}/${relative(dir, file).replace(/index\.html$/, "")}`;

describe("the demo published under /portraits/", () => {
  it("is served under its path only, as a host serving dist/ at /portraits/ would", async () => {
    expect(server.url).toBe(`${origin}/portraits`);
    for (const path of ["/", "/index.html", "/recherche.json", "/epci/000200001/"]) expect((await fetch(origin + path)).status, path).toBe(404);
    const bare = await fetch(`${origin}/portraits`, { redirect: "manual" });
    expect([bare.status, bare.headers.get("location")]).toEqual([301, BASE]);
    expect((await fetch(`${server.url}/`)).status).toBe(200);
    expect(JSON.parse(readFileSync(join(dir, "donnees", "publication.json"), "utf8")).base).toBe(BASE);
  });

  it("has no broken link and none outside its path, from every page reachable from the home page", async () => {
    const { found, status, ids, outside, external } = await crawl();
    expect(outside.map((f) => `${f.raw} (${f.from})`)).toEqual([]);
    const broken = found.filter((f) => status.get(f.url.href.replace(/#.*/, "")) !== 200);
    expect(broken.map((f) => `${f.raw} → ${status.get(f.url.href.replace(/#.*/, ""))} (${f.from})`)).toEqual([]);
    const missing = found.filter((f) => f.url.hash && ids.has(f.url.href.replace(/#.*/, "")) && !ids.get(f.url.href.replace(/#.*/, ""))!.has(decodeURIComponent(f.url.hash.slice(1))));
    expect(missing.map((f) => `${f.raw} (${f.from})`)).toEqual([]);
    // Every page of the site is reached, and each kind of file it offers.
    expect([...ids.keys()].sort()).toEqual(htmlFiles(dir).map(pageUrl).sort());
    const paths = [...status.keys()].map((u) => new URL(u).pathname);
    for (const file of ["recherche.json", "carte-intercommunalites.svg", "donnees/portraits.zip", "donnees/publication.json", "epci/000200001/donnees.csv", "epci/000200001/donnees.json", "fonts/DejaVuSans.woff2", "fonts/DejaVuSans-Bold.woff2", "favicon.svg"])
      expect(paths, file).toContain(BASE + file);
    if (printed) expect(paths).toContain(`${BASE}epci/000200001/portrait.pdf`);
    for (const href of external) expect(href).toMatch(/^https:\/\//);
  });

  it("gives every page one policy, the same everywhere, that allows each of its inline scripts and styles by its hash", () => {
    const policies = new Set<string>();
    for (const file of htmlFiles(dir)) {
      const { document } = parseHTML(readFileSync(file, "utf8"));
      const metas = [...document.querySelectorAll('meta[http-equiv="content-security-policy"]')];
      expect(metas, file).toHaveLength(1);
      const policy = metas[0].getAttribute("content")!;
      policies.add(policy);
      expect(policy).toMatch(/default-src 'none'/);
      const allowed = (directive: string) => policy.split(";").find((d) => d.trim().startsWith(`${directive} `))!.trim().split(/\s+/).slice(1);
      const hash = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;
      for (const script of document.querySelectorAll("script")) {
        expect(script.hasAttribute("src"), file).toBe(false);
        expect(allowed("script-src"), file).toContain(hash(script.textContent ?? ""));
        // The search script names no path of its own: it fetches what its form names, under the base.
        expect(script.textContent, file).not.toMatch(/[`'"]\/(?!\/)/);
      }
      const styles = [...document.querySelectorAll("style")].map((s) => hash(s.textContent ?? ""));
      expect(styles.length, file).toBeGreaterThan(0);
      for (const style of styles) expect(allowed("style-src"), file).toContain(style);
      // Nothing a hash cannot allow: no style or event attributes, no javascript: links.
      for (const el of document.querySelectorAll("*"))
        for (const { name, value } of el.attributes) {
          expect(name === "style" || name.startsWith("on"), `${file} : ${el.localName} ${name}`).toBe(false);
          expect(value.trim().toLowerCase().startsWith("javascript:"), file).toBe(false);
        }
    }
    expect(policies.size).toBe(1);
  });

  it.skipIf(skipBrowser)("runs in Chromium with its policy and the headers README asks for: no violation, fonts loaded, the search leads under the path", async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      const problems: string[] = [];
      await page.addInitScript(() =>
        document.addEventListener("securitypolicyviolation", (e) => console.error(`CSP : ${e.violatedDirective} ${e.blockedURI}`)),
      );
      page.on("console", (m) => void (m.type() === "error" || m.type() === "warning" ? problems.push(`${page.url()} : ${m.text()}`) : undefined));
      page.on("pageerror", (e) => problems.push(`${page.url()} : ${e.message}`));
      // Aborted: the favicon, still coming when the next page is asked for.
      page.on("requestfailed", (r) => void (r.failure()?.errorText !== "net::ERR_ABORTED" ? problems.push(`${r.url()} : ${r.failure()?.errorText}`) : undefined));
      page.on("response", (r) => void (r.status() >= 400 ? problems.push(`${r.url()} : ${r.status()}`) : undefined));
      for (const file of sampled(htmlFiles(dir))) {
        const response = await page.goto(pageUrl(file), { waitUntil: "load" });
        for (const [name, value] of Object.entries(PUBLISHING_HEADERS)) expect(response!.headers()[name.toLowerCase()]).toBe(value);
        expect(await page.evaluate(() => document.fonts.ready.then((fonts) => [...fonts].some((f) => f.status === "loaded"))), file).toBe(true);
      }
      await page.goto(`${server.url}/`);
      const name = JSON.parse(readFileSync(join(dir, "recherche.json"), "utf8")).communes[0].name as string;
      await page.fill("#accueil-q", name);
      const result = page.locator("#accueil-resultats a").first();
      await result.waitFor();
      // To the commune's sheet, which links to its EPCI's portrait under the path too.
      await Promise.all([page.waitForURL(`${server.url}/commune/**`), result.click()]);
      expect(new URL(page.url()).pathname).toMatch(/^\/portraits\/commune\/\d+\/$/);
      expect(await page.locator(".portrait-head a").first().getAttribute("href")).toMatch(/^\/portraits\/epci\/\d+\/$/);
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 120_000);

  it("is shown by npm run preview at its path, with the address to open; Ctrl-C stops it", async () => {
    const preview = spawn(process.execPath, ["--import", "tsx", "src/cli/preview.ts", "--out", dir, "--port", "0"], { stdio: ["ignore", "pipe", "inherit"] });
    const ended = new Promise<number | null>((done) => preview.on("exit", done));
    const said = await new Promise<string>((done, fail) => {
      let out = "";
      preview.stdout.on("data", (chunk: Buffer) => (out += chunk).includes("\n") && done(out));
      void ended.then((code) => fail(new Error(`npm run preview s'est arrêté (${code}) : ${out}`)));
    });
    const address = /http:\/\/127\.0\.0\.1:\d+\/portraits\//.exec(said)?.[0];
    expect(said).toMatch(/Ctrl-C pour arrêter/);
    const home = await fetch(address!);
    expect([home.status, home.headers.get("content-security-policy")]).toEqual([200, PUBLISHING_HEADERS["Content-Security-Policy"]]);
    expect(await home.text()).toContain(`href="${BASE}methodes/"`);
    expect((await fetch(new URL("/index.html", address))).status).toBe(404);
    preview.kill("SIGINT");
    expect(await ended).toBe(0);
  });

  it("refuses a port that is taken, or that is no port", () => {
    const port = new URL(server.url).port;
    const taken = spawnSync(process.execPath, ["--import", "tsx", "src/cli/preview.ts", "--out", dir, "--port", port], { encoding: "utf8" });
    expect([taken.status, taken.stderr.trim()]).toEqual([1, `Erreur : le port ${port} est déjà pris (un autre aperçu ?) : choisissez-en un autre avec --port.`]);
    const wrong = spawnSync(process.execPath, ["--import", "tsx", "src/cli/preview.ts", "--port", "http"], { encoding: "utf8" });
    expect([wrong.status, wrong.stderr.split("\n")[0]]).toEqual([2, "Erreur : --port http : un numéro de port de 0 à 65535 est attendu."]);
  });

  // Last: it rebuilds the site the tests above served.
  it("is rebuilt when only its base changes, for the configuration's base without --base", () => {
    const run = build(demo.config, dir);
    expect(run.status, run.output).toBe(0);
    expect(run.output).not.toMatch(/Rien n'a changé/);
    expect(JSON.parse(readFileSync(join(dir, "donnees", "publication.json"), "utf8")).base).toBe("/cle/");
    expect(readFileSync(join(dir, "index.html"), "utf8")).toContain('href="/cle/methodes/"');
  }, 120_000);
});
