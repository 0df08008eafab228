// The whole data side on the real files of the Gers (shared/realdata/gers, beside the repository):
// expected figures are recomputed here straight from the producers' files, not from the pipeline.
// "Official" commune populations are the populations légales (PMUN, millésime 2023); the census
// population of the comparateur (P22_POP, RP 2022) is checked the same way for `population`.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import type { PortraitModel } from "../../src/model/types";
import { runPipeline, type PipelineResult } from "../../src/pipeline/run";

const REPO = resolve(import.meta.dirname, "../..");
const GERS = resolve(REPO, "../shared/realdata/gers");
const CONFIG = join(REPO, "data/gers/config.yaml");
const exists = existsSync(GERS);
if (!exists) console.warn(`${GERS} absent : tests sur les données réelles du Gers ignorés`);

/** The 15 EPCIs whose seat is in the Gers (SOURCES.md §3). */
const SIRENS = [
  "200023620", "200034726", "200035632", "200035756", "200042372", "200066926", "200072320", "243200391",
  "243200409", "243200417", "243200425", "243200458", "243200508", "243200599", "243200607",
];
const MERGED = ["32067", "32260", "32413"]; // into 32365 Cap d'Astarac on 2025-01-01

/** A producer's `;` file as code → value of one column (empty cells left out). */
function column(file: string, code: string, name: string): Map<string, number> {
  const [header, ...lines] = readFileSync(join(GERS, file), "utf8").trim().split("\n").map((l) => l.split(";"));
  const [c, v] = [header.indexOf(code), header.indexOf(name)];
  return new Map(lines.filter((f) => f[v] !== "").map((f) => [f[c], Number(f[v])]));
}
const sum = (codes: string[], values: Map<string, number>) => codes.reduce((s, code) => s + (values.get(code) ?? 0), 0);

describe.skipIf(!exists)("the Gers from its official files", () => {
  let result: PipelineResult;
  let pmun: Map<string, number>;
  let p22: Map<string, number>;
  /** Gers members of each EPCI in Etalab's 2024 list, merged communes included (their rows are empty in 2025 files). */
  let members: Map<string, string[]>;
  const portrait = (code: string) => result.portraits.find((p) => p.epci.code === code)!;
  const epciValue = (p: PortraitModel, id: string) => p.indicators[id].values.find((v) => v.level === "epci")!;

  beforeAll(async () => {
    result = await runPipeline(CONFIG, { buildDate: "2026-01-15" });
    pmun = column("insee/donnees_communes_32.csv", "COM", "PMUN");
    p22 = column("insee/base_cc_comparateur_32.csv", "CODGEO", "P22_POP");
    const epcis = JSON.parse(readFileSync(join(GERS, "territoires/epci_touchant32.json"), "utf8")) as { code: string; membres: { code: string }[] }[];
    members = new Map(epcis.map((e) => [e.code, e.membres.map((m) => m.code).filter((c) => c.startsWith("32"))]));
  }, 120_000);

  it("portrays the 15 EPCIs whose seat is in the Gers, every one signed (no agreements file)", () => {
    expect(result.portraits.map((p) => p.epci.code)).toEqual(SIRENS);
    expect(result.portraits.every((p) => p.epci.agreement.signed)).toBe(true);
  });

  it("gives each EPCI the sum of the official commune populations, for both population indicators", () => {
    for (const code of SIRENS) {
      const p = portrait(code);
      expect(epciValue(p, "population_legale").value, code).toBe(sum(members.get(code)!, pmun));
      expect(p.epci.population, code).toBe(sum(members.get(code)!, pmun));
      expect(epciValue(p, "population").value, code).toBeCloseTo(sum(members.get(code)!, p22), 6);
    }
  });

  it("drops no one and counts no one twice: EPCIs plus communes outside them make the département", () => {
    const portrayed = new Set(result.portraits.flatMap((p) => p.epci.communes.map((c) => c.code)));
    const outside = [...members.values()].flat().filter((c) => !portrayed.has(c) && !MERGED.includes(c));
    expect(outside).toHaveLength(11); // 10 in CC d'Aire-sur-l'Adour, 1 in CC des Deux Rives
    for (const [id, official] of [["population_legale", pmun], ["population", p22]] as const) {
      const epcis = result.portraits.reduce((s, p) => s + epciValue(p, id).value!, 0);
      expect(epcis + sum(outside, official), id).toBeCloseTo(sum([...official.keys()], official), 6);
    }
    expect(sum([...pmun.keys()], pmun)).toBe(192645);
    expect(sum([...p22.keys()], p22)).toBe(192649);
  });

  it("takes the département and région populations from the producer's rows for those levels", () => {
    const legale = portrait(SIRENS[0]).indicators.population_legale;
    expect(legale.values.find((v) => v.level === "departement")?.value).toBe(column("insee/donnees_departements_32.csv", "DEP", "PMUN").get("32"));
    expect(legale.values.find((v) => v.level === "region")?.value).toBe(column("insee/donnees_regions.csv", "REG", "PMUN").get("76"));
    expect(legale.values.find((v) => v.level === "france")?.status).toBe("not-applicable");
    expect(legale.provenance.dataset).toMatch(/^Populations légales 2023, communes/);
    // The census has no département row: the département is the sum of all its communes.
    expect(portrait(SIRENS[0]).indicators.population.values.find((v) => v.level === "departement")?.value).toBeCloseTo(192649, 6);
  });

  it("keeps Filosofi secrets, and shows medians and rates as not available above the commune", () => {
    const tp60 = readFileSync(join(GERS, "insee/cc_filosofi_2021_COM_32.csv"), "utf8").split("\n").map((l) => l.split(";"));
    const auch = portrait("200066926");
    const rate = (code: string) => auch.indicators.taux_pauvrete.communes!.find((c) => c.code === code)!.value;
    const secretHere = tp60.find((f) => f[5] === "s" && auch.epci.communes.some((c) => c.code === f[0]))![0];
    expect(rate(secretHere).status).toBe("secret");
    expect(rate("32013")).toMatchObject({ status: "ok", value: 18 });
    for (const id of ["niveau_vie_median", "taux_pauvrete"])
      for (const v of auch.indicators[id].values) expect(v.status, `${id} ${v.level}`).toBe("not-applicable");
    expect(auch.indicators.niveau_vie_median.provenance.dataset).toMatch(/Filosofi/);
  });

  it("folds the three communes merged in 2025 into Cap d'Astarac, counted once", () => {
    const json = JSON.stringify([result.portraits, result.site]);
    for (const code of MERGED) expect(json).not.toContain(`"${code}"`);
    const valDeGers = portrait("200072320");
    expect(valDeGers.epci.communes.filter((c) => c.code === "32365")).toHaveLength(1);
    // Only mapped indicators keep commune values: the density map's numerator is the folded population.
    expect(valDeGers.indicators.densite.communes!.find((c) => c.code === "32365")!.value).toMatchObject({ numerator: 480 });
    expect(valDeGers.maps.communes.filter((c) => c.code === "32365")).toHaveLength(1);
    // Filosofi 2021 describes Saint-Blancard alone: no median for the merged commune.
    expect(valDeGers.indicators.niveau_vie_median.communes!.find((c) => c.code === "32365")!.value.status).toBe("missing");
    const folded = result.findings.filter((f) => f.rule === "commune-change");
    expect(new Set(folded.map((f) => `${f.file?.split("/").pop()} ${f.territory}`))).toEqual(
      new Set(["base_cc_comparateur_32.csv", "cc_filosofi_2021_COM_32.csv"].flatMap((file) => MERGED.map((code) => `${file} ${code}`))),
    );
    expect(folded).toHaveLength(6); // once per file, though four sources read the comparateur
    expect(result.findings.filter((f) => f.rule.startsWith("coverage") || f.rule === "geometry")).toEqual([]);
  });

  describe("without the declared correspondence", () => {
    let unmatched: PipelineResult;
    const dir = mkdtempSync(join(tmpdir(), "gers-"));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    beforeAll(async () => {
      const config = parse(readFileSync(CONFIG, "utf8"));
      delete config.communeChanges;
      const absolute = (path: string) => resolve(dirname(CONFIG), path);
      Object.assign(config, { dataDir: absolute(config.dataDir), sources: absolute(config.sources), indicators: absolute(config.indicators), plan: absolute(config.plan) });
      config.geometry.communes = absolute(config.geometry.communes);
      writeFileSync(join(dir, "config.yaml"), stringify(config));
      unmatched = await runPipeline(join(dir, "config.yaml"), { buildDate: "2026-01-15" });
    }, 120_000);

    it("reports every former commune it could not match, in each file and on the map", () => {
      const unknown = unmatched.findings.filter((f) => f.rule === "coverage-unknown").map((f) => `${f.file?.split("/").pop()} ${f.territory}`);
      expect(unknown.sort()).toEqual(["base_cc_comparateur_32.csv", "cc_filosofi_2021_COM_32.csv"].flatMap((file) => MERGED.map((code) => `${file} ${code}`)));
      const geometry = unmatched.findings.filter((f) => f.rule === "geometry").map((f) => f.message);
      for (const code of MERGED) expect(geometry.some((m) => m.includes(code))).toBe(true);
    });
  });
});
