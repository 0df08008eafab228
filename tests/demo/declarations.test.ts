import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import {
  THEMES,
  configSchema,
  indicatorsFileSchema,
  portraitPlanSchema,
  sourcesFileSchema,
  type Formula,
  type Indicator,
} from "../../src/declare/schemas";
import { loadDeclarations } from "../../src/declare/load";
import { DEMO_DIR, readCsv, readXlsx } from "./files";

const load = (path: string) => parse(readFileSync(path, "utf8"));
const config = configSchema.parse(load(join(DEMO_DIR, "config.yaml")));
const { sources } = sourcesFileSchema.parse(load(join(DEMO_DIR, config.sources)));
const catalogue = readdirSync(join(DEMO_DIR, config.indicators))
  .filter((f) => f.endsWith(".yaml"))
  .map((f) => indicatorsFileSchema.parse(load(join(DEMO_DIR, config.indicators, f))));
const indicators = new Map<string, Indicator>(catalogue.flatMap((file) => file.indicators.map((i) => [i.id, i] as const)));
const plan = portraitPlanSchema.parse(load(join(DEMO_DIR, config.plan)));
const planIds = new Set(plan.pages.flatMap((p) => p.blocks.flatMap((b) => b.indicators)));
/** Catalogue indicators read from real files whose columns the fictional demo does not imitate (data/gers). */
const REAL_FILES_ONLY = [
  "population_legale", "population_totale", "part_emplois_salaries", "evolution_emplois", "etablissements",
  "part_etablissements_agriculture", "part_etablissements_industrie", "part_etablissements_construction",
  "part_etablissements_commerce_services", "part_etablissements_administration", "pharmacies_pour_10000",
  // Filosofi's own columns (revenue composition, inequality, poverty by age) of the national files
  "niveau_vie_median_recent", "rapport_s80_s20", "indice_gini", "part_salaires", "part_indemnites_chomage",
  "part_revenus_independants", "part_patrimoine", "part_prestations_familiales", "part_minima_sociaux",
  "part_aides_logement", "taux_pauvrete_moins_30_ans", "taux_pauvrete_75_ans_plus",
];

/** The "source.variable" references of a formula (every field but its kind and parameters). */
function refsOf(formula: Formula): string[] {
  return Object.entries(formula)
    .filter(([key]) => !["kind", "per", "years"].includes(key))
    .flatMap(([, refs]) => (Array.isArray(refs) ? refs : [refs]) as string[]);
}

describe("the demo declarations", () => {
  it("parse against the schemas, with a fictional configuration reading its own files", () => {
    expect(config.fictional).toBe(true);
    expect(config.departement).toBe("00");
    expect(config.territories.from).toBe("files");
    for (const source of sources) expect(source.dataset).toMatch(/fictif/);
  });

  it("make a catalogue of at least 60 indicators over the six themes, each id once", () => {
    expect(catalogue.map((f) => f.theme).sort()).toEqual([...THEMES].sort());
    const count = catalogue.reduce((n, f) => n + f.indicators.length, 0);
    expect(count).toBeGreaterThanOrEqual(60);
    expect(indicators.size).toBe(count);
  });

  it("make a six-page plan, one page per theme in order, with at least 50 distinct catalogue indicators", () => {
    expect(plan.pages.map((p) => p.theme)).toEqual([...THEMES]);
    expect(planIds.size).toBeGreaterThanOrEqual(50);
    expect([...planIds].filter((id) => !indicators.has(id))).toEqual([]);
    for (const page of plan.pages) {
      expect(page.blocks.length).toBeLessThanOrEqual(9);
      for (const block of page.blocks) if (block.kind === "comparison-bars") expect(block.indicators).toHaveLength(1);
    }
  });

  it("refer only to variables declared in the sources, but for indicators of real files only", () => {
    const declared = new Set(sources.flatMap((s) => Object.keys(s.columns).map((v) => `${s.id}.${v}`)));
    const unknown = [...indicators.values()].filter((i) => refsOf(i.formula).some((ref) => !declared.has(ref))).map((i) => i.id);
    expect(unknown.sort()).toEqual([...REAL_FILES_ONLY].sort());
    expect(REAL_FILES_ONLY.filter((id) => planIds.has(id))).toEqual([]);
    for (const indicator of indicators.values()) expect(refsOf(indicator.formula).some((ref) => ref.startsWith(`${indicator.source}.`))).toBe(true);
  });

  it("declare columns and codes that exist in each producer file's header", async () => {
    for (const source of sources) {
      const header =
        source.format === "xlsx"
          ? ((await readXlsx(source.file, source.sheet)).rows[source.headerRow - 1] as string[])
          : readCsv(source.file, { encoding: source.encoding, headerRow: source.headerRow }).header;
      const columns = Object.values(source.columns).map((c) => (typeof c === "string" ? c : c.column));
      const codeColumns = "levelColumn" in source.code ? [source.code.column, source.code.levelColumn] : [source.code.column];
      expect([...columns, ...codeColumns].filter((c) => !header.includes(c)), source.id).toEqual([]);
    }
  });

  it("pass the declare stage's own cross-checks, warning only about indicators of real files", () => {
    const declarations = loadDeclarations(join(DEMO_DIR, "config.yaml"));
    const uncomputable = [...declarations.indicators.keys()].filter((id) => !declarations.computable.has(id));
    expect(uncomputable.sort()).toEqual([...REAL_FILES_ONLY].sort());
    const named = declarations.warnings.flatMap((w) => /\(([^()]*)\)$/.exec(w.message)![1].split(", "));
    expect(named.sort()).toEqual([...REAL_FILES_ONLY].sort());
    expect(new Set(declarations.planIndicators)).toEqual(planIds);
  });
});
