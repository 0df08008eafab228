// The commune sheets of the demo, built for real: a small commune (many secret values) and the largest
// one; every value a sheet publishes is the post-secrecy value the pipeline holds (so secrecy, which
// already treats every commune value as published, covers the sheets), and no download of the site,
// portraits' or sheets', publishes a count of 1 to 4.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { unzipSync } from "fflate";
import { parseHTML } from "linkedom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toCsv } from "../../src/downloads/csv";
import { dataRows, type DataRow } from "../../src/downloads/rows";
import { expandCommuneSheets } from "../../src/model/commune-sheets";
import { runPipeline, type PipelineResult } from "../../src/pipeline/run";
import { countsPeople } from "../../src/secrecy/secrecy";
import type { SearchIndex } from "../../src/site/search";

const ROOT = resolve(import.meta.dirname, "../..");
const CONFIG = join(ROOT, "data/demo/config.yaml");
mkdirSync(join(ROOT, ".build"), { recursive: true });
const tmp = mkdtempSync(join(ROOT, ".build", "sheets-test-"));
const out = join(tmp, "site");
const SMALL = "00033"; // Barose-en-Mirosens, 14 inhabitants
const LARGEST = "00217"; // Montfictif

let pipeline: PipelineResult;
beforeAll(async () => {
  execFileSync("npx", ["tsx", "src/cli/build.ts", "--config", CONFIG, "--out", out, "--date", "2026-01-15"], { cwd: ROOT, stdio: "pipe" });
  pipeline = await runPipeline(CONFIG, { buildDate: "2026-01-15" });
}, 240_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const read = (path: string) => readFileSync(join(out, path), "utf8");
const dom = (path: string) => parseHTML(read(path)).document as unknown as Document;
const rowsOf = (path: string) => (JSON.parse(read(path)) as { lignes: DataRow[] }).lignes;
const epciOf = (code: string) => pipeline.territories.communes.find((c) => c.code === code)!.epci;

describe("commune sheets", () => {
  it("publish exactly the commune values secrecy left, with neither numerator nor denominator", () => {
    const rows = rowsOf(`commune/${SMALL}/donnees.json`).filter((r) => r.niveau === "commune");
    expect(rows.length).toBeGreaterThan(15);
    expect(rows.filter((r) => r.statut === "secret statistique").length).toBeGreaterThan(5);
    const sheet = expandCommuneSheets(pipeline.communeSheets(pipeline.territories.epcis.find((e) => e.code === epciOf(SMALL))!)).find((s) => s.commune.code === SMALL)!;
    for (const row of rows) {
      const held = sheet.indicators[row.indicateur].values[0];
      expect(row.valeur).toBe(held.status === "ok" ? held.value : null);
      expect([row.numerateur, row.denominateur]).toEqual([null, null]);
    }
    // The same values as the portrait's maps publish for the commune (post-secrecy values, one source for both).
    const portrait = pipeline.portraits.find((p) => p.epci.code === epciOf(SMALL))!;
    const mapped = Object.values(portrait.indicators).filter((ind) => ind.communes && sheet.indicators[ind.id]);
    expect(mapped.length).toBeGreaterThan(2);
    for (const ind of mapped) {
      const { status, value } = ind.communes!.find((c) => c.code === SMALL)!.value;
      expect(sheet.indicators[ind.id].values[0]).toMatchObject({ status, ...(value !== undefined ? { value } : {}) });
    }
  });

  it("show the small commune's secret values as « secret statistique », never as a number", () => {
    const page = dom(`commune/${SMALL}/index.html`);
    const cells = [...page.querySelectorAll(".block--table tbody tr")].map((tr) => tr.querySelectorAll("td")[0]?.textContent ?? "");
    expect(cells.filter((c) => c.startsWith("secret statistique")).length).toBeGreaterThan(3);
    expect(page.querySelectorAll("[data-page]")).toHaveLength(2);
  });

  it("give the largest commune its figures, its map with a data table, and links to its EPCI's portrait", () => {
    const page = dom(`commune/${LARGEST}/index.html`);
    expect(page.querySelector("h1")?.textContent).toBe("Montfictif");
    expect(page.querySelector(".block--figure svg")).not.toBeNull();
    expect(page.querySelector(".block--figure details table")).not.toBeNull();
    expect([...page.querySelectorAll("a")].some((a) => a.getAttribute("href") === `/epci/${epciOf(LARGEST)}/`)).toBe(true);
    const population = rowsOf(`commune/${LARGEST}/donnees.json`).find((r) => r.indicateur === "population" && r.niveau === "commune");
    expect(population?.valeur).toBe(25422);
  });

  it("give each sheet of an EPCI, in its downloads, every row its page shows: the commune's and its references'", () => {
    const sheets = expandCommuneSheets(pipeline.communeSheets(pipeline.territories.epcis.find((e) => e.code === epciOf(LARGEST))!));
    expect(sheets.length).toBeGreaterThan(5);
    for (const sheet of sheets) {
      const rows = dataRows(sheet);
      expect(new Set(rows.map((r) => r.niveau))).toEqual(new Set(["commune", "EPCI", "département", "région", "France"]));
      expect(read(`commune/${sheet.commune.code}/donnees.csv`)).toBe(toCsv(rows));
      const json = { commune: sheet.commune.code, nom: sheet.commune.name, epci: sheet.epci.code, licence: "Licence Ouverte 2.0", lignes: rows };
      expect(read(`commune/${sheet.commune.code}/donnees.json`)).toBe(JSON.stringify(json));
    }
  });

  it("are linked from the search, the list of communes and their EPCI's portrait", () => {
    const index = JSON.parse(read("recherche.json")) as SearchIndex;
    const small = index.communes.find((c) => c.code === SMALL)!;
    expect(`${index.sheets}${small.code}/`).toBe(`/commune/${SMALL}/`);
    const portrait = dom(`epci/${epciOf(SMALL)}/index.html`);
    expect([...portrait.querySelectorAll(".commune-links a")].map((a) => a.getAttribute("href"))).toContain(`/commune/${SMALL}/`);
    expect(read("communes/index.html")).toContain(`href="/commune/${LARGEST}/"`);
  });

  it("say why a commune of an EPCI without CTG has no data, and publish no file for it", () => {
    const unsigned = pipeline.portraits.find((p) => !p.epci.agreement.signed)!;
    const code = unsigned.epci.communes[0].code;
    expect(read(`commune/${code}/index.html`)).toContain("Aucune donnée n'est publiée pour cette commune.");
    expect(existsSync(join(out, "commune", code, "donnees.csv"))).toBe(false);
  });

  it("and no download of the site publishes a count of 1 to 4", () => {
    const people = new Set([...pipeline.declarations.indicators.values()].filter(countsPeople).map((i) => i.id));
    const counts = new Set([...pipeline.declarations.indicators.values()].filter((i) => countsPeople(i) && i.formula.kind === "count").map((i) => i.id));
    const files = ["commune", "epci"].flatMap((dir) => readdirSync(join(out, dir)).map((code) => `${dir}/${code}/donnees.json`)).filter((f) => existsSync(join(out, f)));
    expect(files.length).toBeGreaterThan(400);
    const small = (v: number | null) => v !== null && v > 0 && v < 5;
    for (const file of files)
      for (const row of rowsOf(file)) {
        if (!people.has(row.indicateur)) continue;
        if (counts.has(row.indicateur)) expect(small(row.valeur), `${file} ${row.indicateur} ${row.code_territoire}`).toBe(false);
        expect(small(row.numerateur) || small(row.denominateur), `${file} ${row.indicateur} ${row.code_territoire}`).toBe(false);
      }
    // The CSVs say the same as the JSON, the archive's too: no cell of 1 to 4 in a count's value column,
    // nor in a numerator or denominator of people.
    const fields = (line: string) => [...line.matchAll(/(?:^|;)("(?:[^"]|"")*"|[^;]*)/g)].map((m) => m[1]);
    const archive = Buffer.from(unzipSync(readFileSync(join(out, "donnees", "portraits.zip")))["donnees.csv"]).toString("utf8");
    for (const text of [read(`commune/${SMALL}/donnees.csv`), archive]) {
      const lines = text.split("\r\n").slice(1, -1).map(fields);
      expect(lines.length).toBeGreaterThan(100);
      for (const cells of lines) {
        const small = (cell: string) => /^[1-4](,\d+)?$/.test(cell);
        if (counts.has(cells[0])) expect(small(cells[5]), cells.join(";")).toBe(false);
        if (people.has(cells[0])) expect(small(cells[8]) || small(cells[9]), cells.join(";")).toBe(false);
      }
    }
  });
});
