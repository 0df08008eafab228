// Printing in Debian's Chromium: `npm run pdf` on the built demo gives every published portrait a
// six-page A4 PDF opening on its EPCI's name, and reveals the link to it; printed several at once,
// each portrait gets its own PDF, the same as any other number of tabs gives. In print media every sheet
// is one A4 page with nothing cut (the overflow trap, tech-notes §7) and nothing meant for the screen
// shows, for the demo and, when its files are there, the Gers. Without Chromium the PDF step says how
// to install it and leaves the site as it was.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeOverflow, measureSheets, overflowing, sheetsAsPrinted } from "../../src/print/overflow";
import { PORTRAITS, printPages } from "../../src/print/pdf";
import { fingerprint } from "../publish/tree";
import { builtSite, expectPdfLink, pdfStep, skipBrowser, tool, type BuiltSite } from "./support";

/** The published portraits (signed CTG), from the publication the build wrote. */
function publishedEpcis(site: string): { code: string; name: string }[] {
  const { epcis } = JSON.parse(readFileSync(join(site, "donnees", "publication.json"), "utf8")) as {
    epcis: Record<string, { name: string; signed: boolean }>;
  };
  return Object.entries(epcis)
    .filter(([, e]) => e.signed)
    .map(([code, e]) => ({ code, name: e.name }));
}

/** Pixels of a binary PPM (P6, as pdftoppm writes it) within 3 levels of the locator's CONTEXT_FILL. */
function contextPixels(ppm: Buffer): number {
  const header = ppm.subarray(0, 32).toString("latin1").match(/^P6\s+\d+\s+\d+\s+255\s/)!;
  let count = 0;
  for (let i = header[0].length; i + 2 < ppm.length; i += 3) {
    if (Math.abs(ppm[i] - 0xd9) <= 3 && Math.abs(ppm[i + 1] - 0xd9) <= 3 && Math.abs(ppm[i + 2] - 0xd9) <= 3) count++;
  }
  return count;
}

/** A4 in PostScript points, as pdfinfo gives it. */
const A4 = { width: 595, height: 842 };
/** 297 mm in CSS px. */
const SHEET_HEIGHT = (297 / 25.4) * 96;
const NO_PROBLEM = { sheets: [1, 2, 3, 4, 5, 6], cut: [], heights: [], strays: [], screenOnly: [] };

/** What is wrong with a portrait as the browser prints it: its sheets' numbers, what they cut, sheets that
    are not A4 high, and anything drawn outside the sheets or meant for the screen. */
async function printProblems(page: Page, url: string) {
  await page.goto(url);
  await page.evaluate(() => document.fonts.ready);
  const sheets = await measureSheets(page);
  await page.emulateMedia({ media: "print" });
  const printed = await page.evaluate(() => {
    const drawn = [...document.body.querySelectorAll("*")].filter((el) => el.getBoundingClientRect().width > 0 || el.getBoundingClientRect().height > 0);
    return {
      heights: [...document.querySelectorAll("[data-page]")].map((s) => s.getBoundingClientRect().height),
      // Everything drawn is a sheet, inside one, or holds one.
      strays: drawn.filter((el) => !el.closest("[data-page]") && !el.querySelector("[data-page]")).map((el) => el.outerHTML.slice(0, 80)),
      screenOnly: drawn.filter((el) => el.matches("nav, details, form, input, [data-pdf-link], .site-header, .site-footer")).map((el) => el.outerHTML.slice(0, 80)),
    };
  });
  await page.emulateMedia({ media: null });
  return {
    sheets: sheets.map((s) => s.page),
    cut: overflowing(sheets).map(describeOverflow),
    heights: printed.heights.filter((h) => Math.abs(h - SHEET_HEIGHT) > 1),
    strays: printed.strays,
    screenOnly: printed.screenOnly,
  };
}

describe.skipIf(skipBrowser)("printing the portraits", () => {
  let site: BuiltSite;
  let epcis: { code: string; name: string }[];
  /** A portrait page as the build wrote it, before the PDF step. */
  let built: string;
  let run: { status: number | null; output: string };

  beforeAll(async () => {
    site = await builtSite();
    epcis = publishedEpcis(site.dir);
    built = readFileSync(join(site.dir, "epci", epcis[0].code, "index.html"), "utf8");
    run = pdfStep(site.dir);
  }, 300_000);
  afterAll(async () => {
    await site?.close();
    if (site) rmSync(dirname(site.dir), { recursive: true, force: true });
  });

  it("builds the portrait page with the PDF link hidden, so it is never a broken link", () => {
    expect(built).toMatch(/<p[^>]* data-pdf-link hidden[^>]*><a href="portrait.pdf">Télécharger le PDF<\/a> <span data-pdf-size><\/span><\/p>/);
  });

  it("writes a six-page A4 PDF for every published portrait, opening on the EPCI's name", () => {
    expect(run.status, run.output).toBe(0);
    expect(epcis.length).toBeGreaterThan(10);
    for (const { code, name } of epcis) {
      const pdf = join(site.dir, "epci", code, "portrait.pdf");
      expect(existsSync(pdf), `${code} : pas de PDF`).toBe(true);
      const info = tool("pdfinfo", pdf);
      expect(info, code).toMatch(/^Pages:\s+6$/m);
      const [, width, height] = info.match(/^Page size:\s+([\d.]+) x ([\d.]+) pts/m)!;
      expect(Math.abs(Number(width) - A4.width), `${code} : largeur ${width} pt`).toBeLessThanOrEqual(1);
      expect(Math.abs(Number(height) - A4.height), `${code} : hauteur ${height} pt`).toBeLessThanOrEqual(1);
      expect(tool("pdftotext", "-f", "1", "-l", "1", pdf, "-").replace(/\s+/g, " "), code).toContain(name);
    }
    expect(run.output).toMatch(new RegExp(`${epcis.length} PDF écrits`));
  });

  it("prints four portraits at once, each into its own six-page PDF, byte for byte what npm run pdf printed", async () => {
    const codes = epcis.map((e) => e.code);
    const dir = mkdtempSync(join(tmpdir(), "parallel-"));
    // The PDF but its creation date, which is the time of printing.
    const undated = (file: string) => readFileSync(file, "latin1").replace(/\/(CreationDate|ModDate) \(D:[^)]*\)/g, "");
    try {
      for (const code of codes) mkdirSync(join(dir, "epci", code), { recursive: true });
      let atOnce = 0;
      const printed = await printPages(site.browser, site.server.url, dir, PORTRAITS, codes, () => (atOnce = Math.max(atOnce, site.browser.contexts().length)), 4);
      expect(atOnce, "onglets ouverts à la fois").toBeGreaterThan(1);
      expect(printed.map((p) => p.code)).toEqual([...codes].sort());
      for (const { code, name } of epcis) {
        const file = join(dir, "epci", code, "portrait.pdf");
        const info = tool("pdfinfo", file);
        expect(info, code).toMatch(/^Pages:\s+6$/m);
        const title = info.match(/^Title:\s+(.*)$/m)?.[1];
        expect(title?.startsWith(`${name} — `), `${code} : ${title}`).toBe(true);
        expect(undated(file) === undated(join(site.dir, "epci", code, "portrait.pdf")), `${code} : pas le PDF de npm run pdf`).toBe(true);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it("reveals the link to each PDF with its size, and the link works", async () => {
    const page = await site.browser.newPage();
    for (const { code } of epcis) await expectPdfLink(page, `${site.server.url}/epci/${code}/`);
    await page.close();
  });

  it("draws the département's shared map behind each locator, served by the site and printed in the PDF", async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}/epci/${epcis[0].code}/`);
    const href = await page.locator(".block--locator-map svg.pt-plot image").getAttribute("href");
    expect(href).toMatch(/^\/carte-intercommunalites\.svg\?v=/);
    const response = await page.request.get(new URL(href!, page.url()).href);
    expect([response.status(), response.headers()["content-type"]]).toEqual([200, "image/svg+xml"]);
    await page.close();
    // Page 1 of each PDF, rasterised: the other EPCIs' light grey (CONTEXT_FILL) fills the background,
    // where a missing image would leave only the legend's swatch (about 50 pixels at 50 dpi).
    const tmp = mkdtempSync(join(tmpdir(), "locator-"));
    try {
      for (const { code } of epcis) {
        const root = join(tmp, code);
        spawnSync("pdftoppm", ["-r", "50", "-f", "1", "-l", "1", "-singlefile", join(site.dir, "epci", code, "portrait.pdf"), root]);
        expect(contextPixels(readFileSync(`${root}.ppm`)), code).toBeGreaterThan(1000);
      }
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  it("prints every sheet on one A4 page with nothing cut, and leaves out what is for the screen", async () => {
    const page = await site.browser.newPage();
    for (const { code } of epcis) expect(await printProblems(page, `${site.server.url}/epci/${code}/`), code).toEqual(NO_PROBLEM);
    await page.close();
  }, 120_000);

  it("catches a sheet made too full on purpose, naming its page and the block cut, and a chart drawn outside its frame", async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}/epci/${epcis[0].code}/`);
    await page.evaluate(() => document.fonts.ready);
    const block = await page.evaluate(() => {
      const first = document.querySelector('[data-page="3"] .block')!;
      const tall = document.createElement("p");
      tall.textContent = "Une ligne de trop. ".repeat(400);
      first.append(tall); // the sheet now runs past its A4 page
      // On another sheet, a chart's label drawn out of the SVG viewport that clips it.
      document.querySelector('[data-page="1"] .block-chart svg[role="img"] text')!.setAttribute("transform", "translate(2000,0)");
      return first.querySelector(".block-title")!.textContent!.trim();
    });
    const sheets = await measureSheets(page);
    const cut = overflowing(sheets);
    expect(cut.map((s) => s.page)).toEqual([1, 3]);
    expect(cut[1].overflow).toBeGreaterThan(100);
    expect(describeOverflow(cut[1])).toMatch(/^page 3\u00A0: \d+\u00A0px de trop/);
    expect(cut[1].clipped.some((c) => c.startsWith(`bloc « ${block.slice(0, 50)} »`))).toBe(true);
    expect(cut[0].clipped.join(" ")).toMatch(/^bloc « /);
    // The PDF step's measure, in a page already in print media, finds the same.
    expect(overflowing(await sheetsAsPrinted(page))).toEqual(cut);
    await page.close();
  }, 60_000);

  it("prints again only the portraits without a PDF, or all of them with --all", () => {
    const pdf = (code: string) => join(site.dir, "epci", code, "portrait.pdf");
    const nothing = pdfStep(site.dir);
    expect(nothing.status, nothing.output).toBe(0);
    expect(nothing.output).toContain(`Les ${epcis.length} portraits publiés ont déjà leur PDF`);
    const [lost, ...others] = epcis.map((e) => e.code);
    const kept = () => Object.fromEntries(others.map((code) => [code, readFileSync(pdf(code)).toString("base64")]));
    const before = kept();
    rmSync(pdf(lost));
    const one = pdfStep(site.dir);
    expect(one.status, one.output).toBe(0);
    expect(one.output).toMatch(new RegExp(`^1 PDF écrits .* ; ${others.length} portraits inchangés gardent le sien`, "m"));
    expect(tool("pdfinfo", pdf(lost))).toMatch(/^Pages:\s+6$/m);
    expect(kept()).toEqual(before);
    const all = pdfStep(site.dir, {}, ["--all"]);
    expect(all.status, all.output).toBe(0);
    expect(all.output).toMatch(new RegExp(`^${epcis.length} PDF écrits`, "m"));
  }, 120_000);

  it("without Chromium, says how to install it and leaves the site untouched", () => {
    const folder = dirname(site.dir);
    const before = { files: fingerprint(folder), entries: readdirSync(folder) };
    const failed = pdfStep(site.dir, { CHROMIUM_PATH: "/nonexistent" }, ["--all"]);
    expect(failed.status).not.toBe(0);
    expect(failed.output).toContain("apt-get install -y chromium");
    expect({ files: fingerprint(folder), entries: readdirSync(folder) }).toEqual(before);
  });
});

/** The Gers from its official open files, beside the clone (README), when they are there. */
const GERS = resolve("../shared/realdata/gers");
const hasGers = existsSync(GERS);
if (!hasGers) console.warn(`${GERS} absent : impression des portraits du Gers non vérifiée`);

describe.skipIf(skipBrowser || !hasGers)("printing the Gers portraits", () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await builtSite("data/gers/config.yaml");
  }, 300_000);
  afterAll(async () => {
    await site?.close();
    if (site) rmSync(dirname(site.dir), { recursive: true, force: true });
  });

  it("prints every sheet of every portrait on one A4 page with nothing cut", async () => {
    const page = await site.browser.newPage();
    const epcis = publishedEpcis(site.dir);
    expect(epcis).toHaveLength(15);
    for (const { code } of epcis) expect(await printProblems(page, `${site.server.url}/epci/${code}/`), code).toEqual(NO_PROBLEM);
    await page.close();
  }, 120_000);

  it("prints commune sheets on two A4 pages with nothing cut, though the references lack many census values", async () => {
    const page = await site.browser.newPage();
    const withData = readdirSync(join(site.dir, "commune")).filter((code) => existsSync(join(site.dir, "commune", code, "donnees.csv")));
    expect(withData.length).toBeGreaterThan(400);
    // Auch, the largest, and one in twenty of the others.
    for (const code of ["32013", ...withData.filter((_, i) => i % 20 === 0)])
      expect(await printProblems(page, `${site.server.url}/commune/${code}/`), code).toEqual({ ...NO_PROBLEM, sheets: [1, 2] });
    await page.close();
  }, 120_000);
});
