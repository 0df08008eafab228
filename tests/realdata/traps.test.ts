// The traps of the national files as INSEE publishes them, on a few rows cut byte for byte from
// them (fixtures/*_extrait.csv: BOM, CRLF, decimal commas kept): empty field as secret (Filosofi
// 2019) beside « s » (2021), the région file reusing département codes, arrondissements only or with
// their city, merged communes, a reference territory partly covered.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SourceIndex } from "../../src/compute/components";
import { computeIndicators } from "../../src/compute/compute";
import { columnsOf } from "../../src/compute/source-columns";
import { indicatorSchema, sourceSchema, type Source } from "../../src/declare/schemas";
import { readSource } from "../../src/read";
import { renewTable } from "../../src/read/renew";
import type { SourceTable } from "../../src/read/types";
import { communeReferential, type CommuneReferential } from "../../src/territories/referential";
import { currentCode } from "../../src/territories/renewal";
import type { Territories } from "../../src/territories/types";

const FIXTURES = join(import.meta.dirname, "fixtures");
const source = (fields: Record<string, unknown>): Source =>
  sourceSchema.parse({ producer: "INSEE", dataset: "Filosofi", vintage: "2019", licence: "Licence Ouverte 2.0", format: "csv", separator: ";", decimal: ",", ...fields });
const filosofi2019 = (file: string, level: string, extra: Record<string, unknown> = {}) =>
  source({ id: `filo-${level}`, file, code: { column: "CODGEO", level }, secretTokens: [""], missingTokens: [], columns: { menages: "NBMEN19", uc: "NBUC19", q1: "Q119", median: "Q219" }, ...extra });
const byCode = (table: SourceTable) => new Map(table.rows.map((r) => [r.code, r]));
const ok = (value: number) => ({ status: "ok" as const, value });

describe("Filosofi 2019 and 2021 communes, as published", () => {
  it("reads a BOM, CRLF and decimal commas, with an empty field meaning secret (2019)", async () => {
    const rows = byCode(await readSource(filosofi2019("FILO2019_DISP_COM_extrait.csv", "commune"), FIXTURES));
    expect(rows.get("01001")).toMatchObject({ line: 2, cells: { menages: ok(322), uc: ok(542.7), q1: { status: "secret" }, median: ok(23970) } });
    expect(rows.get("32013")!.cells.median).toEqual(ok(20700));
  });

  it("reads « s » as secret in the 2021 layout, where no field is empty", async () => {
    const declared = source({ id: "filo21", vintage: "2021", file: "cc_filosofi_2021_COM_extrait.csv", code: { column: "CODGEO", level: "commune" }, columns: { median: "MED21", imposes: "PIMP21" } });
    const rows = byCode(await readSource(declared, FIXTURES));
    expect(rows.get("32013")!.cells).toEqual({ median: ok(21800), imposes: ok(48) });
    expect(rows.get("32067")!.cells.median).toEqual({ status: "secret" });
    expect(rows.get("01001")!.cells.imposes).toEqual({ status: "secret" });
  });
});

describe("one source at several levels, in one file per level", () => {
  it("takes each level's own row from the file declared at that level: 32 and 76 mean other territories in the région file", async () => {
    const communes = filosofi2019("FILO2019_DISP_COM_extrait.csv", "commune", { id: "filo" });
    const files = [communes, filosofi2019("FILO2019_DISP_DEP_extrait.csv", "departement", { extends: "filo" }), filosofi2019("FILO2019_DISP_REG_extrait.csv", "region", { extends: "filo" })];
    const territories: Territories = {
      cogVintage: "test",
      departement: { code: "32", name: "Gers" },
      region: { code: "76", name: "Occitanie" },
      communes: [{ code: "32013", name: "Auch", epci: "200066926", population: 22428 }],
      epcis: [{ code: "200066926", name: "CA Grand Auch", nature: "CA", communes: ["32013"] }],
    };
    const position = new Map([["32013", 0]]);
    const index = new SourceIndex(await Promise.all(files.map(async (f) => columnsOf(await readSource(f, FIXTURES), f, position))), 1);
    const median = indicatorSchema.parse({ id: "median", label: "Médiane", definition: "d", unit: "€", decimals: 0, polarity: "neutral", source: "filo", formula: { kind: "published", value: "filo.median" }, aggregation: "published" });
    const values = computeIndicators([median], index, territories).byId.get("median")!;
    expect(values.departement).toEqual(ok(20950)); // the Gers, not Hauts-de-France (32 in the région file)
    expect(values.region).toEqual(ok(20980)); // Occitanie, not Seine-Maritime (76 in the département file)
    expect(values.commune.get("32013")).toEqual(ok(20700));
  });
});

describe("reconciliation with the national referential", () => {
  const referential = communeReferential();
  const nonAdditive = new Set(["median"]);

  it("folds arrondissements into their city when the file has no row for it (populations légales)", async () => {
    const declared = source({ id: "pop", vintage: "2023", file: "populations_communes_national_extrait.csv", code: { column: "COM", level: "commune" }, columns: { pmun: "PMUN" } });
    const { table, folded, doubled } = renewTable(await readSource(declared, FIXTURES), { referential }, nonAdditive);
    const rows = byCode(table);
    expect(rows.get("69123")!.cells.pmun).toEqual(ok(28717 + 29981));
    expect(rows.get("75056")!.cells.pmun).toEqual(ok(15114));
    expect(rows.has("69381")).toBe(false);
    expect(folded.map((f) => `${f.from}>${f.to} ${f.kind}`).sort()).toEqual(["69381>69123 arrondissement", "69382>69123 arrondissement", "75101>75056 arrondissement"]);
    expect(doubled).toEqual([]);
  });

  it("never counts an arrondissement twice when the city has its own row, and keeps the city's own median", async () => {
    const { table, doubled } = renewTable(await readSource(filosofi2019("FILO2019_DISP_COM_extrait.csv", "commune"), FIXTURES), { referential }, nonAdditive);
    const lyon = byCode(table).get("69123")!;
    expect(lyon.cells).toMatchObject({ menages: ok(232702), median: ok(24150) });
    expect(doubled).toEqual([{ from: "69381", to: "69123", line: 5 }]);
  });

  it("gives a non-additive value of arrondissements only to no one", () => {
    const table: SourceTable = {
      sourceId: "t",
      file: "t.csv",
      rows: [
        { level: "commune", code: "69381", line: 2, cells: { menages: ok(10), median: ok(24720) } },
        { level: "commune", code: "69382", line: 3, cells: { menages: ok(20), median: { status: "missing" } } },
      ],
    };
    const lyon = renewTable(table, { referential }, nonAdditive).table.rows[0];
    expect(lyon).toMatchObject({ code: "69123", cells: { menages: ok(30), median: { status: "missing" } } });
  });

  it("folds merged and renumbered communes into their current commune, without a correspondence file", async () => {
    expect(currentCode("32067", { referential })).toEqual({ code: "32365", kind: "former" });
    expect(currentCode("69159", { referential })).toEqual({ code: "69114", kind: "former" });
    expect(currentCode("32013", { referential })).toEqual({ code: "32013" });
    const declared = source({ id: "filo21", vintage: "2021", file: "cc_filosofi_2021_COM_extrait.csv", code: { column: "CODGEO", level: "commune" }, columns: { menages: "NBMENFISC21", median: "MED21" } });
    const { table, folded } = renewTable(await readSource(declared, FIXTURES), { referential }, nonAdditive);
    const cap = byCode(table).get("32365")!;
    // Cabas-Loumassès is secret: the merged commune's count is too, and its median (Saint-Blancard's alone) is no one's.
    expect(cap.cells).toEqual({ menages: { status: "secret" }, median: { status: "missing" } });
    expect(folded).toContainEqual({ from: "32067", to: "32365", line: 4, kind: "former" });
  });

  it("lets the configuration's own correspondence come first", () => {
    expect(currentCode("32067", { referential, override: (c) => (c === "32067" ? "32013" : c) })).toEqual({ code: "32013", kind: "change" });
  });
});

describe("references summed from a national commune file", () => {
  const table: SourceTable = {
    sourceId: "pop",
    file: "pop.csv",
    rows: [
      { level: "commune", code: "11111", line: 2, cells: { pmun: ok(100) } },
      { level: "commune", code: "22222", line: 3, cells: { pmun: ok(50) } },
      { level: "commune", code: "33333", line: 4, cells: { pmun: { status: "secret" } } },
      { level: "commune", code: "97101", line: 5, cells: { pmun: ok(7) } },
    ],
  };
  const place = (region: string, zone = "metro", departement = "11") => ({ region, zone, departement });
  const tiny: CommuneReferential = {
    vintage: "test",
    communes: new Map([["11111", place("R1")], ["22222", place("R1")], ["33333", place("R2")], ["97101", place("01", "drom", "971")]]),
    former: new Map(),
    arrondissements: new Map(),
  };
  const position = new Map([["11111", 0]]);
  const index = (referential: CommuneReferential, france: Source["france"] = "entiere") =>
    new SourceIndex([columnsOf(table, { id: "pop", france }, position, { referential, region: "R1", france })], 1);

  it("sums the région and France over every commune of the file, secret cells making the sum approximate", () => {
    expect(index(tiny).referenceSum("pop.pmun", "region")).toEqual({ status: "ok", value: 150 });
    expect(index(tiny).referenceSum("pop.pmun", "france")).toMatchObject({ status: "ok", value: 157, approximate: true });
    // France métropolitaine leaves the overseas commune out.
    expect(index(tiny, "metropolitaine").referenceSum("pop.pmun", "france")).toMatchObject({ status: "ok", value: 150 });
  });

  it("says « non disponible » for a reference the file covers only partly, never a partial sum", () => {
    const wider: CommuneReferential = { ...tiny, communes: new Map([...tiny.communes, ["44444", place("R1")]]) };
    expect(index(wider).referenceSum("pop.pmun", "region")).toEqual({ status: "missing", reason: "le fichier ne couvre que 2 des 3 communes de la région" });
    expect(index(wider).referenceSum("pop.pmun", "france")?.status).toBe("missing");
  });
});

const APPARTENANCE = join(import.meta.dirname, "../../../shared/realdata/france/cog/table-appartenance-geo-communes-2024.xlsx");
if (!existsSync(APPARTENANCE)) console.warn(`${APPARTENANCE} absent : lecture de la table d'appartenance géographique ignorée`);

describe.skipIf(!existsSync(APPARTENANCE))("INSEE's table d'appartenance géographique 2024, as published (XLSX)", () => {
  const appartenance = (columns: Record<string, string>) =>
    source({ id: "cog", dataset: "Table d'appartenance géographique des communes", vintage: "2024", format: "xlsx", sheet: "COM", headerRow: 6, file: APPARTENANCE, code: { column: "CODGEO", level: "commune" }, columns });

  it("reads the sheet COM under its five title rows, each row with its spreadsheet line", async () => {
    const table = await readSource(appartenance({ zone_emploi: "ZE2020" }), "/");
    expect(table.rows).toHaveLength(34935); // the communes of 1 January 2024
    expect(table.rows[0]).toMatchObject({ code: "01001", line: 7 });
    const rows = byCode(table);
    expect(rows.get("32013")!.cells.zone_emploi).toEqual(ok(7604));
    expect(rows.get("2A004")!.cells.zone_emploi).toEqual(ok(9401));
  });

  it("names the line and column of a code column declared as a number (UU2020 holds « 2A501 »)", async () => {
    await expect(readSource(appartenance({ unite_urbaine: "UU2020" }), "/")).rejects.toThrow(/ligne 10542, colonne UU2020 \(11\) : « 2A501 » n'est pas un nombre/);
  });
});
