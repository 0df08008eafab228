// The whole data side on the real files of the Gers: national files as INSEE publishes them
// (shared/realdata/france) and the Gers extracts of what exists only so (shared/realdata/gers), beside
// the repository. Expected figures are recomputed here straight from the producers' files, or are
// the ones their SOURCES.md gives, never taken from the pipeline.
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { PortraitModel } from "../../src/model/types";
import { expandCommuneSheets } from "../../src/model/commune-sheets";
import { runPipeline, type PipelineResult } from "../../src/pipeline/run";
import { communeSheetView } from "../../src/site/commune-sheet";

const REPO = resolve(import.meta.dirname, "../..");
const REAL = resolve(REPO, "../shared/realdata");
const CONFIG = join(REPO, "data/gers/config.yaml");
const exists = existsSync(join(REAL, "gers")) && existsSync(join(REAL, "france"));
if (!exists) console.warn(`${REAL}/gers ou /france absent : tests sur les données réelles du Gers ignorés`);

/** The 15 EPCIs whose seat is in the Gers (gers/SOURCES.md §3). */
const SIRENS = [
  "200023620", "200034726", "200035632", "200035756", "200042372", "200066926", "200072320", "243200391",
  "243200409", "243200417", "243200425", "243200458", "243200508", "243200599", "243200607",
];
const MERGED = ["32067", "32260", "32413"]; // into 32365 Cap d'Astarac on 2025-01-01
const AUCH = "200066926";

/** A producer's `;` file as code → value of one column (empty cells left out), optionally only some rows. */
function column(file: string, code: string, name: string, keep: (fields: string[]) => boolean = () => true): Map<string, number> {
  const [header, ...lines] = readFileSync(join(REAL, file), "utf8").replace(/^\uFEFF/, "").trim().split(/\r?\n/).map((l) => l.split(";"));
  const [c, v] = [header.indexOf(code), header.indexOf(name)];
  return new Map(lines.filter((f) => f[v] !== "" && keep(f)).map((f) => [f[c], Number(f[v].replace(",", "."))]));
}
const sum = (codes: string[], values: Map<string, number>) => codes.reduce((s, code) => s + (values.get(code) ?? 0), 0);

describe.skipIf(!exists)("the Gers from the official files", () => {
  let result: PipelineResult;
  let pmun: Map<string, number>;
  let p22: Map<string, number>;
  /** Gers members of each EPCI in Etalab's 2024 list, merged communes included (their rows are empty in 2025 files). */
  let members: Map<string, string[]>;
  const portrait = (code: string) => result.portraits.find((p) => p.epci.code === code)!;
  const valueAt = (p: PortraitModel, id: string, level: string) => p.indicators[id].values.find((v) => v.level === level)!;

  beforeAll(async () => {
    result = await runPipeline(CONFIG, { buildDate: "2026-01-15" });
    pmun = column("france/populations-legales/donnees_communes.csv", "COM", "PMUN", (f) => f[2] === "32");
    p22 = column("gers/insee/base_cc_comparateur_32.csv", "CODGEO", "P22_POP");
    const epcis = JSON.parse(readFileSync(join(REAL, "gers/territoires/epci_touchant32.json"), "utf8")) as { code: string; membres: { code: string }[] }[];
    members = new Map(epcis.map((e) => [e.code, e.membres.map((m) => m.code).filter((c) => c.startsWith("32"))]));
  }, 120_000);

  it("portrays the 15 EPCIs whose seat is in the Gers, every one signed (no agreements file)", () => {
    expect(result.portraits.map((p) => p.epci.code)).toEqual(SIRENS);
    expect(result.portraits.every((p) => p.epci.agreement.signed)).toBe(true);
  });

  it("gives each EPCI the sum of the official commune populations, read from the national file", () => {
    expect(pmun.size).toBe(458);
    for (const code of SIRENS) {
      const p = portrait(code);
      expect(valueAt(p, "population_legale", "epci").value, code).toBe(sum(members.get(code)!, pmun));
      expect(p.epci.population, code).toBe(sum(members.get(code)!, pmun));
      expect(valueAt(p, "population", "epci").value, code).toBeCloseTo(sum(members.get(code)!, p22), 6);
    }
  });

  it("drops no one and counts no one twice: EPCIs plus communes outside them make the département", () => {
    const portrayed = new Set(result.portraits.flatMap((p) => p.epci.communes.map((c) => c.code)));
    const outside = [...members.values()].flat().filter((c) => !portrayed.has(c) && !MERGED.includes(c));
    expect(outside).toHaveLength(11); // 10 in CC d'Aire-sur-l'Adour, 1 in CC des Deux Rives
    for (const [id, official] of [["population_legale", pmun], ["population", p22]] as const) {
      const epcis = result.portraits.reduce((s, p) => s + valueAt(p, id, "epci").value!, 0);
      expect(epcis + sum(outside, official), id).toBeCloseTo(sum([...official.keys()], official), 6);
    }
    expect(sum([...pmun.keys()], pmun)).toBe(192645);
    expect(sum([...p22.keys()], p22)).toBe(192649);
  });

  it("takes the Gers and Occitanie from the producer's rows, and France from the sum of every commune of the national file", () => {
    const p = portrait(SIRENS[0]);
    expect(valueAt(p, "population_legale", "departement").value).toBe(column("france/populations-legales/donnees_departements.csv", "DEP", "PMUN").get("32"));
    expect(valueAt(p, "population_legale", "region").value).toBe(6124653);
    const regions = column("france/populations-legales/donnees_regions.csv", "REG", "PMUN");
    // The communes file has no Mayotte: its France is « France hors Mayotte », so named.
    expect(valueAt(p, "population_legale", "france")).toMatchObject({ status: "ok", value: 68094280, code: "FRANCE-HORS-MAYOTTE" });
    expect(sum([...regions.keys()], regions)).toBe(68094280);
    expect(p.territories.find((t) => t.code === "FRANCE-HORS-MAYOTTE")?.name).toBe("France hors Mayotte");
    expect(p.indicators.population_legale.provenance.dataset).toMatch(/^Populations légales 2023, communes/);
    // The census extract covers the Gers only: the département is the sum of its communes, the
    // région and France are not available, never a partial sum.
    expect(valueAt(p, "population", "departement").value).toBeCloseTo(192649, 6);
    expect(valueAt(p, "population", "region")).toMatchObject({ status: "missing", reason: expect.stringMatching(/ne couvre que \d+ des \d+ communes de la région/) });
    // Producer rows and sums agree where both exist (no quality warning).
    expect(result.findings.filter((f) => f.rule === "reference-sum")).toEqual([]);
  });

  it("compares the median niveau de vie at every level, with the producer's own 2019 values, France métropolitaine named so", () => {
    const median = portrait(AUCH).indicators.niveau_vie_median;
    expect(median.values.map((v) => [v.level, v.code, v.value])).toEqual([
      ["epci", AUCH, 21780],
      ["departement", "32", 20950],
      ["region", "76", 20980],
      ["france", "FRANCE-METRO", 21930],
    ]);
    expect(median.provenance.vintage).toBe("2019");
    expect(portrait(AUCH).territories.find((t) => t.code === "FRANCE-METRO")?.name).toBe("France métropolitaine");
    // Every EPCI has its own published median, read from the EPCI file.
    const epciFile = column("france/filosofi-2019/FILO2019_DISP_EPCI.csv", "CODGEO", "Q219");
    for (const code of SIRENS) expect(valueAt(portrait(code), "niveau_vie_median", "epci").value, code).toBe(epciFile.get(code));
  });

  it("takes the Gers poverty rate from the 2020 file, with its vintage, and nothing where no file gives one", () => {
    const rate = portrait(AUCH).indicators.taux_pauvrete;
    expect(valueAt(portrait(AUCH), "taux_pauvrete", "departement")).toMatchObject({ status: "ok", value: 15 });
    expect(rate.provenance.vintage).toBe("2020");
    for (const level of ["epci", "region", "france"]) expect(valueAt(portrait(AUCH), "taux_pauvrete", level).status, level).toBe("not-applicable");
  });

  it("keeps Filosofi 2021 secrets commune by commune", () => {
    const med = readFileSync(join(REAL, "gers/insee/cc_filosofi_2021_COM_32.csv"), "utf8").split("\n").map((l) => l.split(";"));
    const auch = portrait(AUCH);
    const median = (code: string) => auch.indicators.niveau_vie_median_recent.communes!.find((c) => c.code === code)!.value;
    const secretHere = med.find((f) => f[3] === "s" && auch.epci.communes.some((c) => c.code === f[0]))![0];
    expect(median(secretHere).status).toBe("secret");
    expect(median("32013")).toMatchObject({ status: "ok", value: 21800 });
  });

  it("folds the three communes merged in 2025 into Cap d'Astarac from the national referential, without a correspondence file", () => {
    const json = JSON.stringify([result.portraits, result.site]);
    for (const code of MERGED) expect(json).not.toContain(`"${code}"`);
    const valDeGers = portrait("200072320");
    expect(valDeGers.epci.communes.filter((c) => c.code === "32365")).toHaveLength(1);
    expect(valDeGers.indicators.densite.communes!.find((c) => c.code === "32365")!.value).toMatchObject({ numerator: 480 });
    expect(valDeGers.maps.communes.filter((c) => c.code === "32365")).toHaveLength(1);
    // Filosofi 2021 describes Saint-Blancard alone: no median for the merged commune.
    expect(valDeGers.indicators.niveau_vie_median_recent.communes!.find((c) => c.code === "32365")!.value.status).toBe("missing");
    const folds = result.findings.filter((f) => f.rule === "commune-change");
    const of = (file: string) => folds.find((f) => f.file?.endsWith(file))?.message ?? "";
    for (const file of ["base_cc_comparateur_32.csv", "cc_filosofi_2021_COM.csv"])
      for (const code of MERGED) expect(of(file), file).toContain(`${code} → 32365`);
  });

  it("gives each commune sheet its age structure, the plan's stacked bars marked for the sheets: the commune first, then its EPCI and the references", () => {
    const young = column("gers/insee_reprocessed/dossier_complet_light_32.csv", "CODGEO", "P22_POP0014");
    const sheets = expandCommuneSheets(result.communeSheets(result.territories.epcis.find((e) => e.code === AUCH)!));
    expect(sheets.length).toBe(members.get(AUCH)!.length);
    const auch = sheets.find((s) => s.commune.code === "32013")!;
    expect(auch.ageStructure).toMatchObject({ kind: "stacked-bar", title: "Structure par âge" });
    expect(auch.indicators.part_0_14_ans.values[0]).toMatchObject({ level: "commune", status: "ok" });
    expect(auch.indicators.part_0_14_ans.values[0].value).toBeCloseTo((100 * young.get("32013")!) / p22.get("32013")!, 6);
    const figure = communeSheetView(auch, "/").pages[1].figure!;
    expect(figure.title).toBe("Structure par âge");
    expect(figure.html).toContain("pt-chart--stacked");
    const rows = [...figure.data.matchAll(/<tr><th scope="row">([^<]*)</g)].map((m) => m[1]);
    expect(rows.slice(0, 3)).toEqual(["Auch", auch.epci.name, "Gers"]);
  });

  it("maps on the indicator pages the communes of the 15 EPCIs, each with a value (no agreements file: all signed)", () => {
    const outlines = result.site.communeMaps!;
    expect(outlines.map((c) => c.code).sort()).toEqual(result.territories.communes.filter((c) => c.epci && SIRENS.includes(c.epci)).map((c) => c.code).sort());
    const page = result.indicators.find((p) => p.id === "part_75_89_ans")!;
    for (const { code } of outlines) expect(page.communes?.[code], code).toBeDefined();
  });

  it("reads the national files without one warning per commune of other départements", () => {
    expect(result.findings.filter((f) => f.rule === "coverage-unknown" || f.rule === "geometry")).toEqual([]);
    const summaries = result.findings.filter((f) => f.rule === "coverage-summary");
    const filosofi = summaries.find((f) => f.file?.endsWith("cc_filosofi_2021_COM.csv"))!;
    expect(filosofi.message).toMatch(/461 communes du département|458 communes du département/);
    expect(filosofi.message).toMatch(/3\d\s\d{3} autres communes pour la région et la France/);
    const populations = summaries.find((f) => f.file?.endsWith("donnees_communes.csv"))!.message;
    expect(populations).toMatch(/45 lignes rattachées/); // the arrondissements of Paris, Lyon and Marseille
    expect(result.findings.filter((f) => f.severity === "warning").length).toBeLessThan(20);
  });
});
