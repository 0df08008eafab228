import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CHANGED_FILE, changeOneSource } from "../../src/bench/datasets";
import { fastest, type Measured } from "../../src/bench/measure";
import { integer, table, verdictOf, type Build } from "../../src/bench/report";
import { demoSection } from "../../src/bench/sections";
import { preparedOf, preparedSheetsOf, printingOf, routeMs, sheetsOf, stepsOf } from "../../src/bench/site";
import { preparedLine, preparedSheetsLine } from "../../src/cli/prepare";
import { printingSummary } from "../../src/print/pdf";

const dir = mkdtempSync(join(tmpdir(), "bench-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the benchmark's report", () => {
  it("judges a figure against its target, and says when there is none or no value", () => {
    expect(verdictOf({ label: "x", value: 4.9, unit: "s", target: 5 })).toBe("OK");
    expect(verdictOf({ label: "x", value: 5.1, unit: "s", target: 5 })).toBe("au-dessus de la cible");
    expect(verdictOf({ label: "x", value: 5.1, unit: "s" })).toBe("sans cible");
    expect(verdictOf({ label: "x", unit: "s", target: 5 })).toBe("non mesuré");
  });

  it("prints a French table with decimal commas", () => {
    const text = table({ title: "Démo", figures: [{ label: "construction à froid", value: 6.28, unit: "s", target: 5 }], details: [] });
    expect(text).toContain("| construction à froid | 6,3 s  | ≤ 5,0 s | au-dessus de la cible |");
    expect(integer(35000)).toBe("35 000");
  });
});

describe("reading a build log", () => {
  const lines = [
    { at: 1000, text: "• déclarations…" },
    { at: 1500, text: "• modèles des portraits…" },
    { at: 2000, text: "• modèle 1/2 : CC A…" },
    { at: 2100, text: "• modèle 2/2 : CC B…" },
    { at: 2200, text: "• pages du site (Astro : une ligne par page)…" },
    { at: 4000, text: " generating static routes " },
    { at: 4100, text: "11:24:34   ├─ /epci/000200001/index.html (+105ms) " },
    { at: 4200, text: "11:24:34   ├─ /epci/000200001/donnees.csv (+15ms) " },
    { at: 4300, text: "11:24:35   └─ /epci/000200002/index.html (+1.5s) " },
    { at: 5000, text: "11:24:35 [build] Complete!" },
    { at: 5100, text: preparedLine({ portraits: 1, ms: 812.4, charts: 22, chartMs: 17.6 }, 2) },
    { at: 5200, text: preparedSheetsLine({ epcis: 2, count: 57, ms: 1234.5, charts: 114, chartMs: 40 }) },
  ];

  it("sums Astro's route times for the matching routes", () => {
    expect(routeMs(lines, /^\/epci\/[^/]+\/index\.html$/)).toBe(1605);
  });

  it("reads what the workers spent making portraits from the build's own line", () => {
    expect(preparedOf(lines)).toEqual({ ms: 800, charts: 22, chartMs: 18 });
    expect(preparedOf(lines.slice(0, -2))).toBeUndefined();
  });

  it("reads what the workers spent making commune sheets from the build's own line", () => {
    expect(preparedSheetsOf(lines)).toEqual({ count: 57, ms: 1200 });
    expect(preparedSheetsOf(lines.slice(0, -1))).toBeUndefined();
  });

  it("weighs the pages of the commune sheets with data, gzipped", () => {
    const site = join(dir, "sheets-site");
    const page = (code: string, html: string, data: boolean) => {
      mkdirSync(join(site, "commune", code), { recursive: true });
      writeFileSync(join(site, "commune", code, "index.html"), html);
      if (data) writeFileSync(join(site, "commune", code, "donnees.csv"), "x");
    };
    page("00001", "a".repeat(10), true);
    page("00002", "<p>Aucune donnée</p>".repeat(500), false);
    page("00003", Array.from({ length: 3000 }, (_, i) => i).join(" "), true);
    page("00004", Array.from({ length: 300 }, (_, i) => i).join(" "), true);
    const sheets = sheetsOf(site);
    expect(sheets.count).toBe(3);
    expect(sheets.gzipMaxBytes).toBeGreaterThan(sheets.gzipMedianBytes);
    expect(sheets.gzipMaxBytes).toBeLessThan(3000 * 5);
  });

  it("times each stage until the next one, the per-portrait lines as one", () => {
    expect(stepsOf(lines, 5500).map((s) => [s.name, s.ms])).toEqual([
      ["démarrage (tsx, chargement du code)", 1000],
      ["déclarations", 500],
      ["modèles des portraits", 500],
      ["modèles JSON (écriture)", 200],
      ["Astro : démarrage et bundle Vite", 1800],
      ["Astro : rendu des pages", 1000],
      ["fin (bascule du site, rapport)", 500],
    ]);
  });
});

describe("the PDFs' figure", () => {
  it("reads the printing's time and tabs from what npm run pdf says", () => {
    const line = `14 PDF écrits en 6.0 s (${printingSummary(4_000, 14, 2)}) dans dist/epci/<code>/portrait.pdf`;
    expect(printingOf([{ at: 0, text: "• PDF 1/14 : 000200001 (232 Ko)" }, { at: 1, text: line }])).toEqual({ ms: 4_000, tabs: 2 });
    expect(printingOf([])).toBeUndefined();
  });

  it("gives the printing's time per portrait to two decimals beside its target, and the whole command's in a note", () => {
    const skipped = { skipped: "non mesuré" };
    const text = table(demoSection({ cold: skipped, unchanged: skipped, changed: skipped, passes: [], pdf: { wallMs: 6_000, count: 14, printMs: 4_000, tabs: 2 } }));
    expect(text).toMatch(/\| PDF par portrait \(impression ÷ portraits\) +\| 0,29 s +\| ≤ 0,30 s +\| OK \(14 PDF, 2 à la fois, imprimés en 4,0 s ; npm run pdf en 6,0 s, lancement de Chromium et copie du site compris\)/);
  });
});

describe("the one-file change", () => {
  it("adds 5 to NB_FOY_RSA of the first commune with at least 20, and nothing else", () => {
    const file = join(dir, CHANGED_FILE);
    mkdirSync(join(dir, "caf"), { recursive: true });
    const rows = ["Niveau_geo;Code_geo;NB_FOY_RSA;NB_FOY_AL", "DEPARTEMENT;00;900;2000", "COMMUNE;00001;s;s", "COMMUNE;00002;15;40", "COMMUNE;00003;30;90", "COMMUNE;00004;60;120"];
    writeFileSync(file, rows.join("\n"));
    changeOneSource(dir);
    expect(readFileSync(file, "utf8")).toBe([...rows.slice(0, 4), "COMMUNE;00003;35;90", ...rows.slice(5)].join("\n"));
  });
});

describe("several passes", () => {
  const build = (wallMs: number, treePeakBytes = 1e9, maxProcessBytes = 8e8): Build => ({ ok: true, timedOut: false, wallMs, treePeakBytes, maxProcessBytes, loadBefore: 0, steps: [] });
  const pass = (cold: Build, unchanged: Build, changed: Build, renderMs: number): Measured => ({
    cold, unchanged, changed, portraitPagesMs: renderMs, passes: [{ cold: cold.wallMs, unchanged: unchanged.wallMs, changed: changed.wallMs }],
  });

  it("keeps the fastest of each build, the largest memory, and every pass's times", () => {
    const m = fastest([
      pass(build(50_000, 1.4e9, 1.2e9), build(900), build(14_000), 30_000),
      pass(build(46_000, 1.3e9, 1.3e9), build(700), build(15_000), 28_000),
    ]);
    expect([m.cold, m.unchanged, m.changed].map((b) => (b as Build).wallMs)).toEqual([46_000, 700, 14_000]);
    expect([(m.cold as Build).treePeakBytes, (m.cold as Build).maxProcessBytes]).toEqual([1.4e9, 1.3e9]);
    expect(m.portraitPagesMs).toBe(28_000); // that of the fastest cold build
    expect(m.passes).toEqual([{ cold: 50_000, unchanged: 900, changed: 14_000 }, { cold: 46_000, unchanged: 700, changed: 15_000 }]);
  });

  it("never keeps a failed build as the fastest", () => {
    const failed = { ...build(1_000), ok: false };
    const m = fastest([pass(build(50_000), build(900), failed, 30_000), pass(build(52_000), build(800), build(15_000), 31_000)]);
    expect([(m.cold as Build).wallMs, (m.changed as Build).wallMs]).toEqual([50_000, 15_000]);
  });
});
