// npm run init on another département, from fixtures in the official layouts: the Rhône's populations
// légales cut byte for byte from the national file (every commune of the Métropole de Lyon, Lyon given
// by arrondissement only, 69381 to 69389; every commune of the CA Villefranche Beaujolais Saône, which
// has Jassans-Riottier in the Ain; Condrieu and Vienne of the CA Vienne Condrieu, mostly in the Isère)
// and a comparateur written in INSEE's layout (BOM, CRLF, dot-decimal areas; values invented) in an
// older geography, with Arbuissonnas (69011, merged into Salles-Arbuissonnas-en-Beaujolais, 69172);
// then the next year's comparateur (P23_ columns) dropped in its place.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runInit } from "../../src/init/run";
import { runPipeline, type PipelineResult } from "../../src/pipeline/run";

const FIXTURES = join(import.meta.dirname, "fixtures");
const EPCI_FILE = join(import.meta.dirname, "../../node_modules/@etalab/decoupage-administratif/data/epci.json");
const members = new Map((JSON.parse(readFileSync(EPCI_FILE, "utf8")) as { code: string; membres: { code: string }[] }[]).map((e) => [e.code, e.membres.map((m) => m.code)]));
const [LYON, VILLEFRANCHE, VIENNE] = ["200046977", "200040590", "200077014"];

/** Code → the fixture's value in `column`, read here without the pipeline. */
function column(file: string, code: string, name: string): Map<string, number> {
  const [header, ...rows] = readFileSync(join(FIXTURES, "rhone-2022", file), "utf8").replace(/^\uFEFF/, "").trim().split(/\r?\n/).map((l) => l.split(";"));
  return new Map(rows.map((f) => [f[header.indexOf(code)], Number(f[header.indexOf(name)])]));
}
const pmun = column("donnees_communes.csv", "COM", "PMUN");
const sum = (codes: string[], values: Map<string, number>) => codes.reduce((s, c) => s + values.get(c)!, 0);
const communesOf = (result: PipelineResult, epci: string) => result.territories.epcis.find((e) => e.code === epci)!.communes;
const epciValue = (result: PipelineResult, epci: string, indicator: string) =>
  result.portraits.find((p) => p.epci.code === epci)!.indicators[indicator].values.find((v) => v.level === "epci")!;

describe("init on the Rhône, then on next year's files", () => {
  const root = mkdtempSync(join(tmpdir(), "init-rhone-"));
  const data = join(root, "donnees");
  const out = join(root, "config");
  let first: string[];
  let result: PipelineResult;
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  beforeAll(async () => {
    cpSync(join(FIXTURES, "rhone-2022"), data, { recursive: true });
    first = await runInit({ departement: "69", data, out });
    result = await runPipeline(join(out, "config.yaml"), { buildDate: "2026-01-15" });
  }, 120_000);

  it("declares the census with its vintage read from the columns", () => {
    const sources = readFileSync(join(out, "sources.yaml"), "utf8");
    expect(sources).toMatch(/id: insee-rp\n[\s\S]*?vintage: "2022"[\s\S]*?pop: P<AA>_POP\n[\s\S]*?pop_precedent: \{ column: P<AA>_POP, vintage: "2016" \}/);
    expect(sources).toContain("Lu : UTF-8 avec BOM, séparateur « ; », point décimal");
    expect(first.join("\n")).toContain("populations-legales : donnees_communes.csv");
  });

  it("gives each EPCI whose communes all have a row the sum of their populations légales, Lyon's from its arrondissements", () => {
    const lyonRows = [...pmun.keys()].filter((c) => /^6938[1-9]$/.test(c));
    expect(lyonRows, "Lyon par arrondissement seulement").toHaveLength(9);
    expect(pmun.has("69123")).toBe(false);
    pmun.set("69123", sum(lyonRows, pmun));
    const complete = result.territories.epcis.filter((e) => e.communes.every((c) => pmun.has(c))).map((e) => e.code);
    expect(complete.sort()).toEqual([VILLEFRANCHE, LYON]);
    for (const epci of complete) expect(epciValue(result, epci, "population_legale").value, epci).toBe(sum(communesOf(result, epci), pmun));
    expect(epciValue(result, LYON, "population_legale").value).toBe(sum(members.get(LYON)!.filter((c) => c !== "69123"), pmun) + pmun.get("69123")!);
    for (const p of result.portraits.filter((p) => !complete.includes(p.epci.code))) expect(epciValue(result, p.epci.code, "population_legale").status, p.epci.code).toBe("missing");
  });

  it("applies majority-population to the EPCIs that straddle the Ain and the Isère", () => {
    // Villefranche: 67,943 inhabitants in the Rhône, 6,247 in Jassans-Riottier (Ain): a portrait of its Rhône part.
    const villefranche = communesOf(result, VILLEFRANCHE);
    expect(members.get(VILLEFRANCHE)).toContain("01194");
    expect(villefranche).not.toContain("01194");
    expect(villefranche).toHaveLength(members.get(VILLEFRANCHE)!.length - 1);
    expect(epciValue(result, VILLEFRANCHE, "population_legale").value).toBe(sum(villefranche, pmun));
    // Vienne Condrieu: most of it in the Isère, no portrait; Condrieu still counts in the Rhône.
    expect(result.portraits.map((p) => p.epci.code)).not.toContain(VIENNE);
    expect(result.territories.communes.find((c) => c.code === "69064")).toMatchObject({ epci: VIENNE });
    expect(result.territories.communes.some((c) => c.code === "38544")).toBe(false);
  });

  it("folds the row of a commune merged since the comparateur's geography into its current commune", () => {
    const p22 = column("base_cc_comparateur.csv", "CODGEO", "P22_POP");
    expect(p22.has("69011") && p22.has("69172")).toBe(true);
    const villefranche = communesOf(result, VILLEFRANCHE);
    expect(villefranche).not.toContain("69011");
    expect(epciValue(result, VILLEFRANCHE, "population").value).toBe(sum(villefranche, p22) + p22.get("69011")!);
  });

  it("brings the sources to the next vintage, says what changed, and keeps the user's edits", async () => {
    const file = join(out, "sources.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("producer: INSEE\n    dataset: Recensement", "producer: INSEE (téléchargé par le GIP)\n    dataset: Recensement"));
    cpSync(join(FIXTURES, "rhone-2023"), data, { recursive: true });
    const again = (await runInit({ departement: "69", data, out })).join("\n");
    expect(again).toContain("insee-rp : millésime 2022 → 2023");
    expect(again).toContain("insee-rp : colonne P23_LOG (logements) absente du nouveau fichier : variable retirée");
    const sources = readFileSync(file, "utf8");
    expect(sources).toContain("producer: INSEE (téléchargé par le GIP)\n    dataset: Recensement de la population 2023");
    expect(sources).toContain('pop_precedent: { column: P<AA>_POP, vintage: "2017" }');
    expect(await runInit({ departement: "69", data, out })).toContain("Aucun changement : les sources déclarées sont à jour avec les fichiers du dossier.");
  }, 120_000);
});
