// Commune sheets in Debian's Chromium: printed, each is exactly two A4 pages with nothing cut (the
// portraits' overflow check), `npm run pdf` prints them on request and links each PDF from its sheet,
// and the keyboard reaches every link of a sheet.
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeOverflow, measureSheets, overflowing } from "../../src/print/overflow";
import { builtSite, expectPdfLink, pdfStep, skipBrowser, tool, type BuiltSite } from "./support";

const [header, ...rows] = readFileSync(resolve("data/demo/communes.csv"), "utf8").trim().split("\n");
const col = header.split(";").indexOf("population");
const bySize = rows.map((r) => r.split(";")).sort((a, b) => Number(a[col]) - Number(b[col]));
/** The smallest and the largest communes of the demo, and one in between. */
const CODES = [bySize[0][0], bySize[Math.floor(bySize.length / 2)][0], bySize.at(-1)![0]];

describe.skipIf(skipBrowser)("commune sheets in the browser", () => {
  let site: BuiltSite;
  beforeAll(async () => {
    site = await builtSite();
  }, 180_000);
  afterAll(async () => {
    await site?.close();
    if (site) rmSync(dirname(site.dir), { recursive: true, force: true });
  });

  it.each(CODES)("prints the sheet of %s on exactly two A4 pages, nothing cut", async (code) => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}/commune/${code}/`);
    const unsigned = (await page.locator("[data-agreement='none']").count()) > 0;
    const sheets = await measureSheets(page);
    expect(sheets).toHaveLength(unsigned ? 0 : 2);
    expect(overflowing(sheets).map(describeOverflow)).toEqual([]);
    if (!unsigned) {
      const pdf = (await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString("latin1");
      expect(pdf.match(/\/Type\s*\/Page[^s]/g)).toHaveLength(2);
      expect(pdf).toMatch(/\/MediaBox\s*\[0 0 59[45](\.\d+)? 84[12](\.\d+)?\]/);
    }
    await page.close();
  });

  /** A commune's sheet as the site has it. */
  const sheet = (code: string, file = "index.html") => join(site.dir, "commune", code, file);
  /** The sheets with data, those a PDF is printed for: the build gave them their downloads. */
  const withData = () => readdirSync(join(site.dir, "commune")).filter((code) => existsSync(sheet(code, "donnees.csv")));

  it("prints the sheets asked for with --commune, each to a two-page A4 PDF its page links to", async () => {
    const codes = CODES.filter((code) => withData().includes(code));
    expect(codes.length).toBeGreaterThan(0);
    for (const code of codes)
      expect(readFileSync(sheet(code), "utf8")).toMatch(/<p[^>]* data-pdf-link hidden[^>]*><a href="fiche.pdf">Télécharger le PDF<\/a> <span data-pdf-size><\/span><\/p>/);
    const run = pdfStep(site.dir, {}, ["--commune", codes.join(",")]);
    expect(run.status, run.output).toBe(0);
    expect(run.output).toMatch(new RegExp(`^${codes.length} PDF écrits \\(impression : .* s par fiche, \\d à la fois\\) dans .*/commune/<code>/fiche.pdf$`, "m"));
    const page = await site.browser.newPage();
    for (const code of codes) {
      const info = tool("pdfinfo", sheet(code, "fiche.pdf"));
      expect(info, code).toMatch(/^Pages:\s+2$/m);
      expect(info, code).toMatch(/^Page size:\s+59[45](\.\d+)? x 84[12](\.\d+)? pts/m);
      await expectPdfLink(page, `${site.server.url}/commune/${code}/`);
    }
    await page.close();
    expect(readdirSync(join(site.dir, "epci")).filter((code) => existsSync(join(site.dir, "epci", code, "portrait.pdf")))).toEqual([]);
  }, 60_000);

  it("prints with --fiches only the sheets without a PDF, and refuses a sheet without data", () => {
    const [first, second, ...others] = withData().filter((code) => !CODES.includes(code));
    // Stand-ins for PDFs printed earlier: kept as they are.
    for (const code of others) writeFileSync(sheet(code, "fiche.pdf"), "déjà imprimé");
    const run = pdfStep(site.dir, {}, ["--fiches"]);
    expect(run.status, run.output).toBe(0);
    const kept = others.length + CODES.filter((code) => withData().includes(code)).length;
    expect(run.output).toMatch(new RegExp(`^2 PDF écrits \\(impression : .* s par fiche, .* ; ${kept} fiches inchangées gardent le sien`, "m"));
    for (const code of [first, second]) expect(tool("pdfinfo", sheet(code, "fiche.pdf")), code).toMatch(/^Pages:\s+2$/m);
    expect(readFileSync(sheet(others[0], "fiche.pdf"), "utf8")).toBe("déjà imprimé");
    const unsigned = readdirSync(join(site.dir, "commune")).find((code) => !withData().includes(code))!;
    const refused = pdfStep(site.dir, {}, ["--commune", unsigned]);
    expect(refused.status).not.toBe(0);
    expect(refused.output).toContain(`pas de fiche communale avec des données pour ${unsigned}`);
  }, 120_000);

  it("lets the keyboard reach every link of a sheet", async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}/commune/${CODES[2]}/`);
    const links = await page.locator("main a:visible").count();
    const reached = new Set<string>();
    for (let i = 0; i < 200 && reached.size < links; i++) {
      await page.keyboard.press("Tab");
      const key = await page.evaluate(() => {
        const a = document.activeElement;
        return a instanceof HTMLAnchorElement && a.closest("main") ? `${a.getAttribute("href")}|${a.textContent}|${[...document.querySelectorAll("main a")].indexOf(a)}` : "";
      });
      if (key) reached.add(key);
    }
    expect(links).toBeGreaterThan(3);
    expect(reached.size).toBe(links);
    await page.close();
  });
});
