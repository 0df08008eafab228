// npm run init on another département, from fixtures in the official layouts: the Rhône's populations
// légales cut from the national file (Lyon given by arrondissement only, 69381 to 69389) and a
// comparateur written in INSEE's layout (BOM, CRLF, dot-decimal areas; values invented), then the
// next year's comparateur (P23_ columns) dropped in its place.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runInit } from "../../src/init/run";
import { runPipeline } from "../../src/pipeline/run";

const FIXTURES = join(import.meta.dirname, "fixtures");

describe("init on the Rhône, then on next year's files", () => {
  const root = mkdtempSync(join(tmpdir(), "init-rhone-"));
  const data = join(root, "donnees");
  const out = join(root, "config");
  let first: string[];
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  beforeAll(async () => {
    cpSync(join(FIXTURES, "rhone-2022"), data, { recursive: true });
    first = await runInit({ departement: "69", data, out });
  }, 60_000);

  it("declares the census with its vintage read from the columns, and builds", async () => {
    const sources = readFileSync(join(out, "sources.yaml"), "utf8");
    expect(sources).toMatch(/id: insee-rp\n[\s\S]*?vintage: "2022"[\s\S]*?pop: P<AA>_POP\n[\s\S]*?pop_precedent: \{ column: P<AA>_POP, vintage: "2016" \}/);
    expect(sources).toContain("Lu : UTF-8 avec BOM, séparateur « ; », point décimal");
    expect(first.join("\n")).toContain("populations-legales : donnees_communes.csv");
    const result = await runPipeline(join(out, "config.yaml"), { buildDate: "2026-01-15" });
    const lyon = result.portraits.find((p) => p.epci.code === "200046977"); // Métropole de Lyon
    expect(lyon, "la Métropole de Lyon a son portrait").toBeDefined();
    // Lyon's nine arrondissements folded into 69123.
    const pmun = readFileSync(join(FIXTURES, "rhone-2022/donnees_communes.csv"), "utf8").trim().split("\n").slice(1).map((l) => l.split(";")).filter((f) => /^6938\d$/.test(f[6]));
    expect(pmun).toHaveLength(9);
  }, 120_000);

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
