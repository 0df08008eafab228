// Accessibility of the built demo in Debian's Chromium: axe-core finds no WCAG 2.1 A/AA violation on
// the index, the methods page, two portraits (the most populated EPCI and a small signed one) and two
// commune sheets (the smallest commune of a signed EPCI and the largest); every
// chart is an image with a name and a description; the keyboard reaches the search field and every
// portrait link of the index, every link of an indicator page, and shows where the focus is.
import { readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { builtSite, skipBrowser, type BuiltSite } from "./support";

const require = createRequire(import.meta.url);
const AXE = require.resolve("axe-core/axe.min.js");
/** axe-core's own French messages, so the report reads in French. */
const AXE_FR: unknown = JSON.parse(readFileSync(require.resolve("axe-core/locales/fr.json"), "utf8"));
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const DEMO = resolve("data/demo");

/** Rows of one of the demo's `;`-separated CSV files, as objects keyed by the header. */
function readCsv(file: string): Record<string, string>[] {
  const [header, ...rows] = readFileSync(join(DEMO, file), "utf8").trim().split("\n");
  const cols = header.split(";");
  return rows.map((row) => Object.fromEntries(row.split(";").map((cell, i) => [cols[i], cell])));
}

/** Each EPCI of epci.csv with the population of its communes and whether its CTG is signed. */
function demoEpcis(): { code: string; name: string; population: number; signed: boolean }[] {
  const population = new Map<string, number>();
  for (const c of readCsv("communes.csv")) population.set(c.epci, (population.get(c.epci) ?? 0) + Number(c.population));
  const signed = new Set(readCsv("ctg.csv").filter((r) => r.signee === "oui").map((r) => r.epci));
  return readCsv("epci.csv").map((e) => ({ code: e.code, name: e.nom, population: population.get(e.code) ?? 0, signed: signed.has(e.code) }));
}

/** The smallest commune of a signed EPCI (many secret values on its sheet) and the largest one. */
const signedEpcis = new Set(demoEpcis().filter((e) => e.signed).map((e) => e.code));
const communesBySize = readCsv("communes.csv").filter((c) => signedEpcis.has(c.epci)).sort((a, b) => Number(a.population) - Number(b.population));
const [small, largest] = [communesBySize[0], communesBySize.at(-1)!];

const INDICATOR = "/indicateur/taux_pch/";

const byPopulation = demoEpcis().sort((a, b) => b.population - a.population);
/** The most populated EPCI (the agglomeration), and the least populated one that publishes its portrait. */
const urban = byPopulation[0];
const rural = byPopulation.filter((e) => e.signed).at(-1)!;

interface AxeNode {
  target: string[];
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: AxeNode[];
}

const IMPACT: Record<string, string> = { minor: "mineur", moderate: "modéré", serious: "grave", critical: "critique" };

/** Violations as a reader of the test output wants them: rule, gravity, count, the first elements and why. */
function frenchReport(page: string, violations: AxeViolation[]): string {
  const lines = [`${violations.length} règle(s) d'accessibilité non respectée(s) sur ${page} :`];
  for (const v of violations) {
    lines.push(`• ${v.id} — gravité ${IMPACT[v.impact ?? ""] ?? "inconnue"} — ${v.nodes.length} élément(s) : ${v.help} (${v.helpUrl})`);
    for (const node of v.nodes.slice(0, 5)) {
      lines.push(`    ◦ ${node.target.join(" ")}`);
      if (node.failureSummary) lines.push(...node.failureSummary.split("\n").map((l) => `        ${l}`));
    }
    if (v.nodes.length > 5) lines.push(`    ◦ … et ${v.nodes.length - 5} autre(s)`);
  }
  return lines.join("\n");
}

async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async ({ tags, locale }) => {
    const axe = (window as unknown as { axe: { configure(spec: object): void; run(ctx: Document, opts: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    axe.configure({ locale });
    const result = await axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    return result.violations.map(({ id, impact, help, helpUrl, nodes }) => ({
      id,
      impact: impact ?? null,
      help,
      helpUrl,
      nodes: nodes.map(({ target, failureSummary }) => ({ target: target.map(String), failureSummary })),
    }));
  }, { tags: TAGS, locale: AXE_FR });
}

/** Every svg a screen reader meets (not aria-hidden): its role, accessible name and description. */
function chartAlternatives(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll("svg")]
      .filter((svg) => !svg.closest("[aria-hidden='true']"))
      .map((svg) => {
        const title = svg.querySelector(":scope > title")?.textContent?.trim() ?? "";
        const desc = svg.querySelector(":scope > desc")?.textContent?.trim() ?? "";
        const describedBy = (svg.getAttribute("aria-describedby") ?? "")
          .split(/\s+/)
          .map((id) => (id ? document.getElementById(id)?.textContent?.trim() ?? "" : ""))
          .join(" ")
          .trim();
        return {
          chart: svg.classList.contains("pt-plot"),
          role: svg.getAttribute("role"),
          name: svg.getAttribute("aria-label")?.trim() || title,
          description: desc || describedBy,
        };
      }),
  );
}

describe.skipIf(skipBrowser)("accessibility", () => {
  let site: BuiltSite;
  let page: Page;
  beforeAll(async () => {
    site = await builtSite();
    // bypassCSP: the pages' policy (rightly) refuses the axe-core script this test injects.
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "fr-FR", bypassCSP: true });
    page = await context.newPage();
  }, 180_000);
  // The built site is only this file's: drop it once the browser and server are closed.
  afterAll(async () => {
    await site?.close();
    if (site) rmSync(dirname(site.dir), { recursive: true, force: true });
  });

  it("chooses an urban and a rural portrait from the demo's files", () => {
    expect(urban.signed, `${urban.name} n'a pas de portrait publié`).toBe(true);
    expect(rural.code).not.toBe(urban.code);
    expect(rural.population).toBeLessThan(urban.population / 5);
  });

  const pages = [
    ["l'accueil", "/"],
    ["la page des méthodes", "/methodes/"],
    [`le portrait urbain (${urban.name})`, `/epci/${urban.code}/`],
    [`le portrait rural (${rural.name})`, `/epci/${rural.code}/`],
    // Secret EPCIs and one without a CTG: both hatches, in the map and in the ranked table.
    ["la page d'un indicateur (taux de PCH)", INDICATOR],
    [`la fiche d'une petite commune (${small.nom})`, `/commune/${small.code}/`],
    [`la fiche de la plus grande commune (${largest.nom})`, `/commune/${largest.code}/`],
  ] as const;

  it.each(pages)("finds no WCAG 2.1 A/AA violation on %s", async (label, path) => {
    const response = await page.goto(`${site.server.url}${path}`);
    expect(response?.status()).toBe(200);
    const violations = await axeViolations(page);
    if (violations.length > 0) console.log(frenchReport(`${label} (${path})`, violations));
    expect(violations.length, frenchReport(`${label} (${path})`, violations)).toBe(0);
  });

  it.each(pages.filter(([, path]) => path !== "/methodes/"))("gives every chart on %s a role, a name and a description", async (label, path) => {
    await page.goto(`${site.server.url}${path}`);
    const svgs = await chartAlternatives(page);
    expect(svgs.filter((s) => s.chart).length, `aucun graphique sur ${label}`).toBeGreaterThan(0);
    for (const svg of svgs) {
      expect(svg.role, `svg sans role="img" : ${svg.name}`).toBe("img");
      expect(svg.name, "graphique sans nom accessible").not.toBe("");
      expect(svg.description, `graphique sans description : ${svg.name}`).not.toBe("");
    }
  });

  /** Each element the Tab key focuses, from the top of the page until the focus comes back to the first. */
  async function tabThrough() {
    const MAX = 200;
    const visited: { key: string; href: string | null; id: string; focusVisible: boolean; ring: string }[] = [];
    for (let i = 0; i < MAX; i++) {
      await page.keyboard.press("Tab");
      const focused = await page.evaluate(() => {
        const el = document.activeElement;
        if (!el || el === document.body) return undefined;
        const style = getComputedStyle(el);
        const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
        const shadow = style.boxShadow !== "none";
        return {
          key: el.outerHTML.slice(0, 120),
          href: el.getAttribute("href"),
          id: el.id,
          focusVisible: el.matches(":focus-visible") && (outline || shadow),
          ring: `outline ${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}, box-shadow ${style.boxShadow}`,
        };
      });
      // Past the last element the focus leaves the page (body), then starts again at the top.
      if (!focused || focused.key === visited[0]?.key) break;
      visited.push(focused);
    }
    expect(visited.length, `la touche Tab n'a pas fait le tour de la page en ${MAX} appuis`).toBeLessThan(MAX);
    for (const v of visited) expect(v.focusVisible, `focus invisible sur ${v.key} (${v.ring})`).toBe(true);
    return visited;
  }

  it("reaches the search field and every portrait link of the index with the Tab key, showing the focus", async () => {
    await page.goto(`${site.server.url}/`);
    const portraitLinks = await page.locator(".epci-list a").evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
    expect(portraitLinks.length).toBe(demoEpcis().length);
    const visited = await tabThrough();

    expect(visited.map((v) => v.id)).toContain("accueil-q");
    const hrefs = visited.map((v) => v.href);
    for (const href of portraitLinks) expect(hrefs, `lien ${href} jamais atteint au clavier`).toContain(href);
    // The list is read in order: its links come one after the other.
    expect(hrefs.filter((h) => portraitLinks.includes(h!))).toEqual(portraitLinks);
  });

  it("reaches every link of an indicator page and its ranked table with the Tab key, showing the focus", async () => {
    await page.goto(`${site.server.url}${INDICATOR}`);
    const links = await page.locator("a[href]").evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
    const hrefs = (await tabThrough()).map((v) => v.href);
    for (const href of links) expect(hrefs, `lien ${href} jamais atteint au clavier`).toContain(href);
    expect(await page.locator("section .table-scroll[tabindex='0'] table").count()).toBe(1);
  });
});
