// npm run init on the real files: the national files of shared/realdata/france, the Gers census
// extracts and the Gers contours in one folder, as a GIP would download them; the configuration it
// writes must build the 15 Gers portraits, each EPCI's population the sum of the official values.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runInit } from "../../src/init/run";
import { runPipeline, type PipelineResult } from "../../src/pipeline/run";

const REAL = resolve(import.meta.dirname, "../../../shared/realdata");
const exists = existsSync(join(REAL, "gers")) && existsSync(join(REAL, "france"));
if (!exists) console.warn(`${REAL} absent : test de npm run init sur les fichiers réels ignoré`);

describe.skipIf(!exists)("init on the real files of the Gers", () => {
  const root = mkdtempSync(join(tmpdir(), "init-gers-"));
  const data = join(root, "telechargements");
  const out = join(root, "config");
  let printed: string[];
  let result: PipelineResult;
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  beforeAll(async () => {
    cpSync(join(REAL, "france"), data, { recursive: true, filter: (f) => !f.endsWith("SOURCES.md") });
    cpSync(join(REAL, "gers/insee/base_cc_comparateur_32.csv"), join(data, "base_cc_comparateur_32.csv"));
    cpSync(join(REAL, "gers/insee_reprocessed/dossier_complet_light_32.csv"), join(data, "dossier_complet_light_32.csv"));
    cpSync(join(REAL, "gers/contours/communes_dep32.geojson"), join(data, "communes_dep32.geojson"));
    printed = await runInit({ departement: "32", data, out });
    result = await runPipeline(join(out, "config.yaml"), { buildDate: "2026-01-15" });
  }, 180_000);

  it("recognises each official file by its header and writes down how it is read", () => {
    const sources = readFileSync(join(out, "sources.yaml"), "utf8");
    expect(sources).toContain("file: filosofi-2019/FILO2019_DISP_REG.csv");
    expect(sources).toMatch(/id: insee-filosofi-regions[\s\S]*?code: \{ column: CODGEO, level: region \}/);
    expect(sources).toMatch(/id: insee-filosofi-departements\n[\s\S]*?code: \{ column: CODGEO, level: departement \}/);
    expect(sources).toMatch(/id: insee-filosofi\n[\s\S]*?secretTokens: \[ "" \]/);
    expect(sources).toContain("pop: P<AA>_POP # Population en 2022");
    expect(sources).toContain("Lu : UTF-8 avec BOM, séparateur « ; », virgule décimale");
    expect(readFileSync(join(out, "config.yaml"), "utf8")).toMatch(/codeProperty: code_territoire\n  codePrefix: com/);
    expect(printed.join("\n")).toContain("anct/insee_rp_evol_1968_epci_2018.csv : non reconnu. Colonnes : codgeo, libgeo, an, tx_morta.");
    // A second census file at the same level is named by its layout.
    expect(sources).toMatch(/id: insee-rp-comparateur\n    extends: insee-rp\n[\s\S]*?file: base_cc_comparateur_32.csv/);
  });

  it("says the populations légales' vintage is a guess: their values are not the 2022 census's", () => {
    // The national file is the 2023 edition (realdata/france/SOURCES.md): PMUN differs from P22_POP.
    const summary = printed.join("\n");
    expect(summary).toContain("À VÉRIFIER : le millésime des populations légales n'est pas écrit dans leurs fichiers");
    expect(summary).toMatch(/populations-legales : 2022, celui du recensement déclaré, faute de mieux ; PMUN égale à P22_POP de \S+ pour seulement \d+ communes sur \d+, ce n'est donc sans doute pas 2022\./);
  });

  it("builds the 15 portraits, each EPCI's population the sum of the official commune values", () => {
    expect(result.portraits).toHaveLength(15);
    const [header, ...lines] = readFileSync(join(REAL, "france/populations-legales/donnees_communes.csv"), "utf8").trim().split("\n").map((l) => l.split(";"));
    const pmun = new Map(lines.filter((f) => f[header.indexOf("DEP")] === "32").map((f) => [f[header.indexOf("COM")], Number(f[header.indexOf("PMUN")])]));
    const epcis = JSON.parse(readFileSync(join(REAL, "gers/territoires/epci_touchant32.json"), "utf8")) as { code: string; membres: { code: string }[] }[];
    for (const p of result.portraits) {
      const members = epcis.find((e) => e.code === p.epci.code)!.membres.map((m) => m.code);
      const expected = members.reduce((s, c) => s + (pmun.get(c) ?? 0), 0);
      expect(p.indicators.population_legale.values.find((v) => v.level === "epci")!.value, p.epci.code).toBe(expected);
    }
  });

  it("says so when run again on the same files, and keeps what the user wrote", async () => {
    const again = await runInit({ departement: "32", data, out });
    expect(again).toContain("Aucun changement : les sources déclarées sont à jour avec les fichiers du dossier.");
  }, 60_000);
});
