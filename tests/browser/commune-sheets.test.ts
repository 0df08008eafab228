// Commune sheets in Debian's Chromium: printed, each is exactly two A4 pages with nothing cut (the
// portraits' overflow check), and the keyboard reaches every link of a sheet.
import { readFileSync, rmSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeOverflow, measureSheets, overflowing } from "../../src/print/overflow";
import { builtSite, skipBrowser, type BuiltSite } from "./support";

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
