// The real build of the demo (pipeline + Astro) into a temporary folder, checked through the HTML it
// writes; then a copy of the demo with a commune named like a script, to check it only ever shows as text.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { unzipSync } from "fflate";
import { parseHTML } from "linkedom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml, stringify as stringifyYaml } from "yaml";
import { formatValue } from "../../src/format/value";
import { loadDeclarations } from "../../src/declare/load";
import { countsPeople } from "../../src/secrecy/secrecy";
import type { SiteModel } from "../../src/model/types";
import { NO_AGREEMENT } from "../../src/site/indicator-page";
import { UNPUBLISHED_NOTE, type SearchIndex } from "../../src/site/search";

const ROOT = resolve(import.meta.dirname, "../..");
const DEMO = join(ROOT, "data/demo");
const MALICIOUS = "<script>alert(1)</script>";

// Inside the repository (git-ignored .build/): Astro then keeps its prerender files in the build's own
// staging folder rather than in the shared .astro/, so a build running elsewhere cannot collide with these.
mkdirSync(join(ROOT, ".build"), { recursive: true });
const tmp = mkdtempSync(join(ROOT, ".build", "site-test-"));
const demoOut = join(tmp, "demo");
const hostileOut = join(tmp, "hostile");

function build(out: string, config = join(DEMO, "config.yaml")) {
  execFileSync("npx", ["tsx", "src/cli/build.ts", "--config", config, "--out", out, "--date", "2026-01-15"], { cwd: ROOT, stdio: "pipe" });
}

/** The demo with one commune renamed to markup; paths made absolute since the copy lives elsewhere. */
function hostileCopy(): string {
  const dir = join(tmp, "hostile-data");
  cpSync(DEMO, dir, { recursive: true });
  const communes = join(dir, "communes.csv");
  const [header, first, ...rest] = readFileSync(communes, "utf8").split("\n");
  const cells = first.split(";");
  cells[header.split(";").indexOf("nom")] = MALICIOUS;
  writeFileSync(communes, [header, cells.join(";"), ...rest].join("\n"));
  const config = join(dir, "config.yaml");
  const yaml = parseYaml(readFileSync(config, "utf8"));
  yaml.indicators = resolve(DEMO, yaml.indicators);
  yaml.plan = resolve(DEMO, yaml.plan);
  writeFileSync(config, stringifyYaml(yaml));
  return config;
}

beforeAll(() => {
  build(demoOut);
  build(hostileOut, hostileCopy());
}, 180_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const html = (out: string, path: string) => readFileSync(join(out, path), "utf8");
const dom = (out: string, path: string) => parseHTML(html(out, path)).document as unknown as Document;
const searchIndexOf = (out: string) => JSON.parse(html(out, "recherche.json")) as SearchIndex;
/** The search index says which EPCIs have a page, and which of these publish no data. */
type Epci = SearchIndex["epcis"][number];
const hasPage = (e: Epci) => e.href !== undefined;
const unpublished = (e: Epci) => e.note === UNPUBLISHED_NOTE;
const signed = (e: Epci) => hasPage(e) && !unpublished(e);

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const path = join(dir, f);
    return statSync(path).isDirectory() ? htmlFiles(path) : f.endsWith(".html") ? [path] : [];
  });
}

/** code;nom;epci;… of the demo's communes. */
function demoCommunes(): { name: string; epci: string }[] {
  const [header, ...rows] = readFileSync(join(DEMO, "communes.csv"), "utf8").trim().split("\n");
  const cols = header.split(";");
  return rows.map((r) => {
    const cells = r.split(";");
    return { name: cells[cols.indexOf("nom")], epci: cells[cols.indexOf("epci")] };
  });
}

function catalogueIds(): string[] {
  const dir = join(ROOT, "indicators");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".yaml"))
    .flatMap((f) => (parseYaml(readFileSync(join(dir, f), "utf8")).indicators as { id: string }[]).map((i) => i.id));
}

const index = () => searchIndexOf(demoOut);

describe("the built site", () => {

  it("writes one portrait page per EPCI, and the index links and marks each", () => {
    const home = dom(demoOut, "index.html");
    for (const e of index().epcis.filter(hasPage)) {
      expect(existsSync(join(demoOut, "epci", e.code, "index.html"))).toBe(true);
      const item = home.querySelector(`li[data-agreement] a[href="/epci/${e.code}/"]`)!.closest("li")!;
      expect(item.getAttribute("data-agreement")).toBe(signed(e) ? "signed" : "none");
    }
    expect(index().epcis.some(unpublished)).toBe(true);
  });

  it("gives a signed portrait six numbered pages, each with its running header and footer", () => {
    for (const e of index().epcis.filter(signed)) {
      const doc = dom(demoOut, `epci/${e.code}/index.html`);
      const pages = [...doc.querySelectorAll("[data-page]")];
      expect(pages.map((p) => p.getAttribute("data-page"))).toEqual(["1", "2", "3", "4", "5", "6"]);
      pages.forEach((p, i) => {
        expect(p.querySelector(".sheet-head")!.textContent).toContain(e.name);
        expect(p.querySelector(".sheet-foot")!.textContent).toMatch(new RegExp(`Page ${i + 1} / 6`));
        expect(p.querySelector(".sheet-foot")!.textContent).toMatch(/Données\s*:\s*\S+ \d{4}/);
      });
      const ids = new Set([...doc.querySelectorAll("[data-indicator]")].map((el) => el.getAttribute("data-indicator")));
      expect(ids.size).toBeGreaterThanOrEqual(50);
      // Every indicator links its page across the département.
      for (const id of ids) expect(doc.querySelector(`a[href="/indicateur/${id}/"]`)).not.toBeNull();
    }
  });

  it("makes every chart an image with a name, and captions every figure with a source and a vintage", () => {
    const doc = dom(demoOut, `epci/${index().epcis.find(signed)!.code}/index.html`);
    const charts = [...doc.querySelectorAll("svg.pt-plot")];
    // The demo plan draws 22 charts (it was trimmed to fit six A4 sheets).
    expect(charts.length).toBeGreaterThanOrEqual(20);
    for (const svg of charts) {
      expect(svg.getAttribute("role")).toBe("img");
      expect(svg.getAttribute("aria-label")?.trim()).toBeTruthy();
    }
    // Other SVGs (legend swatches) are decorative.
    for (const svg of doc.querySelectorAll("svg:not(.pt-plot)")) expect(svg.getAttribute("aria-hidden")).toBe("true");
    for (const figure of doc.querySelectorAll("figure")) {
      const caption = figure.querySelector("figcaption")?.textContent ?? "";
      expect(caption).toMatch(/Sources?\s*:/);
      expect(caption).toMatch(/millésime \S+/);
    }
    expect(doc.querySelectorAll("details > summary").length).toBeGreaterThan(20);
  });

  it("draws the département's EPCI map once, as the file each locator shows behind its own EPCI", () => {
    const file = html(demoOut, "carte-intercommunalites.svg");
    expect(file).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 [\d.]+ [\d.]+"/);
    expect(file.match(/<path d="[^"]*Z"/g)).toHaveLength(index().epcis.filter(hasPage).length);
    for (const e of index().epcis.filter(signed)) {
      const locator = dom(demoOut, `epci/${e.code}/index.html`).querySelector(".block--locator-map")!;
      expect(new URL(locator.querySelector("svg.pt-plot image")!.getAttribute("href")!, "http://x/epci/").pathname).toBe("/carte-intercommunalites.svg");
      // Its own outline only: a few KB, whatever the number of EPCIs (134 KB at 200 EPCIs when it drew them all).
      expect(locator.querySelectorAll("svg.pt-plot path:not(pattern path)")).toHaveLength(1);
      expect(locator.outerHTML.length).toBeLessThan(8000);
    }
  });

  it("publishes nothing of an EPCI without a signed CTG, and says why", () => {
    for (const e of index().epcis.filter(unpublished)) {
      const doc = dom(demoOut, `epci/${e.code}/index.html`);
      expect(doc.querySelector("[data-agreement='none']")).not.toBeNull();
      expect(doc.querySelectorAll("[data-indicator], [data-page], svg.pt-plot, table")).toHaveLength(0);
      expect(doc.querySelector("main")!.textContent).toContain("n'est pas publié");
      expect(doc.querySelector("main")!.textContent).toContain("convention territoriale globale");
      expect(existsSync(join(demoOut, "epci", e.code, "donnees.csv"))).toBe(false);
    }
  });

  it("documents every indicator of the catalogue on the methods page, with the secrecy rules and downloads", () => {
    const doc = dom(demoOut, "methodes/index.html");
    for (const id of catalogueIds()) expect(doc.getElementById(id), id).not.toBeNull();
    const text = doc.querySelector("main")!.textContent!;
    expect(text).toContain("1 à 4 personnes");
    expect(text).toContain("Secret complémentaire");
    expect(doc.querySelector('a[href="/donnees/portraits.zip"]')).not.toBeNull();
    expect(existsSync(join(demoOut, "donnees/portraits.zip"))).toBe(true);
  });

  it("archives every published portrait's CSV rows under one header, with the notice and the catalogue", () => {
    const archive = unzipSync(readFileSync(join(demoOut, "donnees/portraits.zip")));
    expect(Object.keys(archive).sort()).toEqual(["LISEZMOI.txt", "donnees.csv", "indicateurs.json"]);
    const codes = index().epcis.filter(signed).map((e) => e.code).sort();
    const csvs = codes.map((code) => html(demoOut, `epci/${code}/donnees.csv`));
    const header = csvs[0].slice(0, csvs[0].indexOf("\r\n") + 2);
    expect(csvs.every((csv) => csv.startsWith(header))).toBe(true);
    expect(Buffer.from(archive["donnees.csv"]).toString("utf8")).toBe(header + csvs.map((csv) => csv.slice(header.length)).join(""));
  });

  it("indexes every commune with its EPCI for the search, and lists them all without JavaScript", () => {
    const search = index();
    const found = new Set(search.communes.map((c) => `${c.name}|${search.epcis[c.epci].code}`));
    const communes = demoCommunes();
    for (const c of communes) expect(found.has(`${c.name}|${c.epci}`), c.name).toBe(true);
    const list = dom(demoOut, "communes/index.html");
    expect(list.querySelectorAll(".commune-list li")).toHaveLength(communes.length);
    expect(dom(demoOut, "index.html").querySelector("form[action='/communes/'] input[name='q']")).not.toBeNull();
  });

  it("writes no NaN, undefined or [object Object], and loads nothing from elsewhere", () => {
    for (const file of htmlFiles(demoOut)) {
      const text = readFileSync(file, "utf8");
      expect(text, file).not.toMatch(/\bNaN\b|\bundefined\b|\[object Object\]/);
      expect(text, file).not.toMatch(/\ssrc="(https?:)?\/\/|<link[^>]+href="(https?:)?\/\//);
    }
  });

  it("shows a commune named like a script as text, everywhere", () => {
    const search = html(hostileOut, "recherche.json");
    expect(search).not.toContain("<script>alert");
    expect((JSON.parse(search) as SearchIndex).communes.map((c) => c.name)).toContain(MALICIOUS);
    const pages = htmlFiles(hostileOut).map((f) => readFileSync(f, "utf8"));
    for (const page of pages) expect(page).not.toContain("<script>alert");
    expect(pages.filter((p) => p.includes("&lt;script&gt;alert(1)&lt;/script&gt;")).length).toBeGreaterThanOrEqual(2);
  });
});

describe("the indicator pages", () => {
  const catalogue = () => JSON.parse(Buffer.from(unzipSync(readFileSync(join(demoOut, "donnees/portraits.zip")))["indicateurs.json"]).toString("utf8")) as SiteModel["catalogue"];
  const computed = () => catalogue().filter((c) => c.computed);
  /** The ranked table's rows: territory, value, rank. */
  const rows = (id: string) => [...dom(demoOut, `indicateur/${id}/index.html`).querySelectorAll("section table tbody tr")].map((tr) => [...tr.children].map((c) => c.textContent!));
  /** The commune map's data table: commune, value. */
  const communeMapRows = (id: string) =>
    [...dom(demoOut, `indicateur/${id}/index.html`).querySelectorAll("figure[aria-labelledby='carte-communes-titre'] details table tbody tr")].map((tr) => [...tr.children].map((c) => c.textContent!));

  it("writes one page per computed indicator, each linked from the methods page, with its map and its data table", () => {
    expect(computed().length).toBeGreaterThanOrEqual(50);
    expect(readdirSync(join(demoOut, "indicateur")).sort()).toEqual(computed().map((c) => c.id).sort());
    const methods = dom(demoOut, "methodes/index.html");
    for (const { id, label } of computed()) {
      expect(methods.querySelector(`#${id} a[href="/indicateur/${id}/"]`), id).not.toBeNull();
      const doc = dom(demoOut, `indicateur/${id}/index.html`);
      expect(doc.querySelector("h1")!.textContent).toBe(label);
      expect(doc.querySelector("figure svg.pt-plot[role='img']")!.getAttribute("aria-label")).toBeTruthy();
      expect(doc.querySelector("figure .sr-only")!.textContent).toContain("Carte par intercommunalité");
      expect(rows(id)).toHaveLength(index().epcis.filter(hasPage).length + 3);
    }
  });

  it("ranks each EPCI with the value its portrait publishes, and shows none for an EPCI without a CTG", () => {
    const byId = new Map(catalogue().map((c) => [c.id, c]));
    for (const { id } of computed()) {
      const ranks = rows(id).flatMap((r) => (r[2] === "—" ? [] : [parseInt(r[2])]));
      expect(ranks, id).toEqual([...ranks].sort((a, b) => a - b));
      expect(ranks[0], id).toBe(1);
    }
    for (const e of index().epcis.filter(hasPage)) {
      if (!signed(e)) {
        for (const { id } of computed()) expect(rows(id).find((r) => r[0] === e.name)!.slice(1)).toEqual([NO_AGREEMENT, "—"]);
        continue;
      }
      const lines = (JSON.parse(html(demoOut, `epci/${e.code}/donnees.json`)) as { lignes: { indicateur: string; niveau: string; code_territoire: string; valeur: number | null }[] }).lignes;
      for (const line of lines.filter((l) => l.niveau === "EPCI" && l.code_territoire === e.code)) {
        const c = byId.get(line.indicateur)!;
        const row = rows(line.indicateur).find((r) => r[0] === e.name)!;
        if (line.valeur === null) expect(row[2]).toBe("—");
        else expect(row[1]).toBe(formatValue({ status: "ok", value: line.valeur }, c.unit, c.decimals));
      }
    }
  });

  it("maps the département's communes with the values their sheets publish, those of an EPCI without CTG hatched, with the map's data table", () => {
    const search = index();
    const byName = new Map(search.communes.map((c) => [c.name, c]));
    const byId = new Map(catalogue().map((c) => [c.id, c]));
    for (const id of ["densite", "population", "part_menages_rsa", "niveau_vie_median"]) {
      const rows = communeMapRows(id);
      expect(rows, id).toHaveLength(search.communes.length);
      const { unit, decimals } = byId.get(id)!;
      for (const [name, text] of rows) {
        const commune = byName.get(name)!;
        const epci = search.epcis[commune.epci];
        if (!signed(epci)) {
          expect(text, name).toBe(NO_AGREEMENT);
          continue;
        }
        const lines = (JSON.parse(html(demoOut, `commune/${commune.code}/donnees.json`)) as { lignes: { indicateur: string; niveau: string; valeur: number | null; statut: string }[] }).lignes;
        const own = lines.find((l) => l.indicateur === id && l.niveau === "commune")!;
        if (own.valeur === null) expect(text, name).toMatch(new RegExp(`^${own.statut.split(" (")[0]}`));
        else expect(text, name).toBe(formatValue({ status: "ok", value: own.valeur }, unit, decimals));
      }
    }
  });

  it("publishes no count of 1 to 4 people on any indicator page", () => {
    // "1 234 habitants" is a number; "secret statistique (effectif inférieur à 5)" is not.
    const number = (text: string) => (/^\d/.test(text) ? Number(text.replace(/[^\d,]/g, "").replace(",", ".")) : NaN);
    // Counts of people show their count as their value; a share's numerator is not on the page.
    const { indicators } = loadDeclarations(join(DEMO, "config.yaml"));
    for (const c of computed().filter((c) => indicators.get(c.id)!.formula.kind === "count" && countsPeople(indicators.get(c.id)!)))
      for (const [name, value] of [...rows(c.id), ...communeMapRows(c.id)]) {
        const n = number(value);
        if (Number.isFinite(n)) expect(n === 0 || n >= 5, `${c.id}, ${name} : ${value}`).toBe(true);
      }
  });
});
