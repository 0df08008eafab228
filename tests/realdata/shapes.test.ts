// Invented lines in the exact shapes of the official files used for the Gers (SOURCES.md §2, §6),
// read through source declarations like data/gers/sources.yaml. The comparateur's shape is tested in
// tests/read/csv.test.ts, contours with a code prefix in tests/territories/geometry.test.ts.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { indexTables } from "../compute/fixtures";
import { computeIndicators } from "../../src/compute/compute";
import { indicatorSchema, sourceSchema, type Source } from "../../src/declare/schemas";
import { readSource } from "../../src/read";
import type { Territories } from "../../src/territories/types";

const FIXTURES = join(import.meta.dirname, "fixtures");
const source = (fields: Record<string, unknown>): Source =>
  sourceSchema.parse({ producer: "INSEE", dataset: "Test", vintage: "2023", licence: "Licence Ouverte 2.0", format: "csv", ...fields });
const ok = (value: number) => ({ status: "ok", value });
const cellsOf = async (declared: Source) => new Map((await readSource(declared, FIXTURES)).rows.map((r) => [r.code, r.cells]));

describe("Filosofi, base communale", () => {
  it("reads « s » as secret, comma-decimal shares and negative tax shares, integer medians", async () => {
    const rows = await cellsOf(
      source({
        id: "insee-filosofi",
        file: "filosofi_com.csv",
        code: { column: "CODGEO", level: "commune" },
        columns: { median: "MED21", imposes: "PIMP21", pauvrete: "TP6021", impots: "PIMPOT21", interdecile: "RD21" },
      }),
    );
    expect(rows.get("00001")).toEqual({ median: ok(21350), imposes: ok(52.4), pauvrete: ok(12.7), impots: ok(-14.5), interdecile: ok(3.1) });
    // A median published but no rate: the usual case in a rural département.
    expect(rows.get("00002")).toMatchObject({ median: ok(20480), pauvrete: { status: "secret" } });
    expect(Object.values(rows.get("00003")!).every((c) => c.status === "secret")).toBe(true);
  });
});

describe("dossier complet, extract rewritten by a third party", () => {
  it("reads every number written as a decimal, and empty fields as missing", async () => {
    const rows = await cellsOf(
      source({
        id: "insee-rp-complet",
        extends: "insee-rp",
        file: "dossier_complet_light.csv",
        decimal: ".",
        code: { column: "CODGEO", level: "commune" },
        columns: { pop_0014: "P22_POP0014", pop_90p: "P22_POP90P", familles_monoparentales: "C22_FAMMONO", salaire: "SNEMM_23" },
      }),
    );
    expect(rows.get("00001")).toEqual({ pop_0014: ok(401.000000000001), pop_90p: ok(36), familles_monoparentales: ok(77.9999999999997), salaire: ok(2250.51612903226) });
    expect(rows.get("00002")!.salaire).toEqual({ status: "missing" });
  });
});

describe("populations légales, one file per level", () => {
  const columns = { pop_municipale: "PMUN", pop_totale: "PTOT" };
  const files = [
    source({ id: "populations-legales", file: "populations_communes.csv", code: { column: "COM", level: "commune" }, columns }),
    source({ id: "populations-legales-departements", extends: "populations-legales", file: "populations_departements.csv", code: { column: "DEP", level: "departement" }, columns }),
    source({ id: "populations-legales-regions", extends: "populations-legales", file: "populations_regions.csv", code: { column: "REG", level: "region" }, columns }),
  ];
  const territories: Territories = {
    cogVintage: "test",
    departement: { code: "00", name: "Val-Fictif" },
    region: { code: "00", name: "Région fictive" },
    communes: [
      { code: "00001", name: "Alpha", epci: "000000001", population: 2604 },
      { code: "00002", name: "Béta", epci: "000000001", population: 701 },
      { code: "00004", name: "Delta", epci: "000000002", population: 190 },
    ],
    epcis: [
      { code: "000000001", name: "CC Une", nature: "CC", communes: ["00001", "00002"] },
      { code: "000000002", name: "CC Deux", nature: "CC", communes: ["00004"] },
    ],
  };
  const population = indicatorSchema.parse({
    id: "population_legale", label: "Population légale", definition: "d", unit: "habitants", decimals: 0, polarity: "neutral",
    source: "populations-legales", formula: { kind: "count", value: "populations-legales.pop_municipale" }, aggregation: "sum",
  });

  it("gives the commune sums for EPCIs and each level's own row for the département and the région", async () => {
    const tables = await Promise.all(files.map((f) => readSource(f, FIXTURES)));
    const values = computeIndicators([population], indexTables(tables, files, territories.communes.map((c) => c.code)), territories).byId.get("population_legale")!;
    expect(values.epci.get("000000001")).toEqual(ok(3305));
    expect(values.epci.get("000000002")).toEqual(ok(190));
    expect(values.departement).toEqual(ok(3495));
    expect(values.region).toEqual(ok(1203456)); // its own région's row, not the other one
    expect(values.france).toMatchObject({ status: "not-applicable" });
  });
});
