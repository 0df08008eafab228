// A reader's journey through the built demo in Debian's Chromium: find a commune by typing its name
// without accents, follow the result to its EPCI's portrait, see its six pages and a map; check the
// EPCI without a signed CTG shows and serves no data; the same search without JavaScript. Screenshots
// of each step go to test-artifacts/ (kept by CI).
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ARTEFACTS, builtSite, skipBrowser, type BuiltSite } from "./support";

const DEMO = resolve("data/demo");

/** Rows of one of the demo's `;`-separated CSV files, as objects keyed by the header. */
function readCsv(file: string): Record<string, string>[] {
  const [header, ...rows] = readFileSync(join(DEMO, file), "utf8").trim().split("\n");
  const cols = header.split(";");
  return rows.map((row) => Object.fromEntries(row.split(";").map((cell, i) => [cols[i], cell])));
}

const communes = readCsv("communes.csv");
const unsignedCodes = readCsv("ctg.csv")
  .filter((r) => r.signee !== "oui")
  .map((r) => r.epci);
/** A commune of a signed EPCI whose name has accents and a hyphen: "Aurabose-en-Prévaras". */
const commune = communes.find((c) => /[^\x00-\x7f]/.test(c.nom) && c.nom.includes("-") && !unsignedCodes.includes(c.epci))!;
/** What a reader types: lower case, accents dropped ("aurabose-en-prevaras"). */
const query = commune.nom.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
const greyed = unsignedCodes[0];

/** Matches exactly this text, whatever characters it holds. */
const exactly = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`);

const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

const shot = (page: Page, name: string, fullPage = true) => page.screenshot({ path: join(ARTEFACTS, `${name}.png`), fullPage });

describe.skipIf(skipBrowser)("a reader's journey", () => {
  let site: BuiltSite;
  beforeAll(async () => {
    mkdirSync(ARTEFACTS, { recursive: true });
    site = await builtSite();
  }, 180_000);
  // The built site is only this file's: drop it once the browser and server are closed.
  afterAll(async () => {
    await site?.close();
    if (site) rmSync(dirname(site.dir), { recursive: true, force: true });
  });

  it("picks a demo commune with accents in a signed EPCI, and an EPCI without a CTG", () => {
    expect(commune, "aucune commune accentuée avec un trait d'union dans une EPCI signataire").toBeDefined();
    expect(query).not.toBe(commune.nom);
    expect(greyed, "la démo n'a pas d'EPCI sans CTG signée").toBeDefined();
  });

  it("finds the commune from the index, follows it to its sheet, then to its EPCI's portrait, with six pages and a map, and back", async () => {
    const context = await site.browser.newContext({ viewport: DESKTOP, locale: "fr-FR" });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));

    await page.goto(`${site.server.url}/`);
    await expect.poll(() => page.locator(".epci-list li").count()).toBeGreaterThan(0);
    await shot(page, "1-accueil");

    const input = page.getByRole("searchbox", { name: "Rechercher une commune" });
    await input.pressSequentially(query);
    const result = page.locator("[data-results] a").filter({ hasText: exactly(commune.nom) });
    await result.waitFor({ state: "visible" });
    await expect.poll(() => page.locator("[data-status]").textContent()).toMatch(/communes? trouvées?/);
    await shot(page, "2-recherche", false);

    // The result leads to the commune's sheet (two pages), and the sheet to its EPCI's portrait.
    await result.click();
    await page.waitForURL(`**/commune/${commune.code}/`);
    expect(await page.locator("h1").textContent()).toBe(commune.nom);
    expect(await page.locator("[data-page]").count()).toBe(2);
    await shot(page, "2b-fiche-communale");
    await page.locator(`.portrait-head a[href="/epci/${commune.epci}/"]`).click();
    await page.waitForURL(`**/epci/${commune.epci}/`);
    expect(new URL(page.url()).pathname).toBe(`/epci/${commune.epci}/`);

    const sheets = page.locator("[data-page]");
    expect(await sheets.count()).toBe(6);
    for (let i = 0; i < 6; i++) expect(await sheets.nth(i).isVisible(), `page ${i + 1} visible`).toBe(true);
    const maps = page.locator(".pt-chart--choropleth svg.pt-plot, .pt-chart--locator svg.pt-plot");
    expect(await maps.count()).toBeGreaterThan(0);
    await maps.first().scrollIntoViewIfNeeded();
    const box = await maps.first().boundingBox();
    expect(await maps.first().isVisible()).toBe(true);
    expect(box!.width).toBeGreaterThan(100);
    expect(box!.height).toBeGreaterThan(100);

    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, "3-portrait-bureau-1280");
    await page.setViewportSize(PHONE);
    await shot(page, "4-portrait-telephone-390");
    // The phone layout does not scroll sideways: wide charts and tables scroll inside their own box.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

    // Its list of communes leads back to each one's sheet.
    await page.locator("details.communes summary").click();
    await page.locator(".commune-links a", { hasText: exactly(commune.nom) }).click();
    await page.waitForURL(`**/commune/${commune.code}/`);

    expect(errors).toEqual([]);
    await context.close();
  });

  it("greys the EPCI without a signed CTG: no indicator, no chart, no data file", async () => {
    const context = await site.browser.newContext({ viewport: DESKTOP, locale: "fr-FR" });
    const page = await context.newPage();
    await page.goto(`${site.server.url}/`);
    const greyedEntries = page.locator(".epci-list li[data-agreement='none']");
    expect(await greyedEntries.locator("a").evaluateAll((as) => as.map((a) => a.getAttribute("href")))).toEqual(
      unsignedCodes.map((code) => `/epci/${code}/`),
    );

    await greyedEntries.locator("a").first().click();
    await page.waitForURL(`**/epci/${greyed}/`);
    expect(await page.locator("[data-agreement='none']").count()).toBe(1);
    expect(await page.locator("main").textContent()).toContain("n'est pas publié");
    expect(await page.locator("[data-indicator]").count()).toBe(0);
    expect(await page.locator("[data-page]").count()).toBe(0);
    expect(await page.locator("main svg, svg.pt-plot").count()).toBe(0);
    expect(await page.locator("a[href*='donnees.csv'], a[href*='donnees.json']").count()).toBe(0);
    await shot(page, "5-epci-grisee");

    for (const file of ["donnees.csv", "donnees.json"]) {
      const response = await page.request.get(`${site.server.url}/epci/${greyed}/${file}`);
      expect(response.status(), file).toBe(404);
    }
    // While a signed EPCI's data is there, as a check that the request above could succeed.
    const signedCsv = await page.request.get(`${site.server.url}/epci/${commune.epci}/donnees.csv`);
    expect(signedCsv.status()).toBe(200);
    await context.close();
  });

  it("without JavaScript, lands on the list of communes, where the commune links to its sheet and its EPCI", async () => {
    const context = await site.browser.newContext({ viewport: DESKTOP, locale: "fr-FR", javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.server.url}/`);
    await page.getByRole("searchbox", { name: "Rechercher une commune" }).fill(query);
    await Promise.all([page.waitForURL("**/communes/?q=*"), page.keyboard.press("Enter")]);
    const url = new URL(page.url());
    expect(url.pathname).toBe("/communes/");
    expect(url.searchParams.get("q")).toBe(query);

    const item = page.locator(".commune-list li").filter({ has: page.locator(".commune-name", { hasText: exactly(commune.nom) }) });
    expect(await item.count()).toBe(1);
    expect(await item.locator(".commune-name a").getAttribute("href")).toBe(`/commune/${commune.code}/`);
    const link = item.locator(`a[href="/epci/${commune.epci}/"]`);
    expect(await link.count()).toBe(1);
    await link.click();
    await page.waitForURL(`**/epci/${commune.epci}/`);
    expect(await page.locator("[data-page]").count()).toBe(6);
    await context.close();
  });
});
