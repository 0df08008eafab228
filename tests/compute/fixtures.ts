// A tiny département: two EPCIs, five communes, a census-like source with reference rows,
// a CAF-like source with commune rows only (rounded, with a secret cell), and Filosofi rows.
import { indicatorSchema, type Indicator, type Source } from "../../src/declare/schemas";
import { SourceIndex } from "../../src/compute/components";
import { columnsOf } from "../../src/compute/source-columns";
import type { Cell, SourceRow, SourceTable } from "../../src/read/types";
import type { Territories } from "../../src/territories/types";

export const territories: Territories = {
  cogVintage: "test",
  departement: { code: "00", name: "Test" },
  region: { code: "00", name: "Région test" },
  communes: [
    { code: "00001", name: "Alpha", epci: "000000001", population: 1000 },
    { code: "00002", name: "Béta", epci: "000000001", population: 200 },
    { code: "00003", name: "Gamma", epci: "000000001", population: 30 },
    { code: "00004", name: "Delta", epci: "000000002", population: 500 },
    { code: "2A004", name: "Epsilon", epci: "000000002", population: 50 },
  ],
  epcis: [
    { code: "000000001", name: "CC Un", nature: "CC", communes: ["00001", "00002", "00003"] },
    { code: "000000002", name: "CC Deux", nature: "CC", communes: ["00004", "2A004"] },
  ],
  groups: { levelName: "MDS", items: [{ code: "M1", name: "MDS Une", communes: ["00001", "00002", "00003", "00004", "2A004"] }] },
};

const num = (value: number): Cell => ({ status: "ok", value });
const row = (level: SourceRow["level"], code: string, cells: Record<string, Cell>, line = 0): SourceRow => ({ level, code, line, cells });

export function census(overrides: Record<string, Record<string, Cell>> = {}): SourceTable {
  const communes: [string, number, number, number][] = [
    ["00001", 1000, 400, 40],
    ["00002", 200, 90, 3.4],
    ["00003", 30, 12, 2],
    ["00004", 500, 210, 20],
    ["2A004", 50, 20, 6],
  ];
  return {
    sourceId: "rp",
    file: "rp.csv",
    rows: [
      ...communes.map(([code, pop, men, old]) => row("commune", code, { pop: num(pop), menages: num(men), pop75: num(old), ...overrides[code] })),
      row("departement", "00", { pop: num(1780), menages: num(732), pop75: num(71.4) }),
      row("region", "00", { pop: num(100000), menages: num(45000), pop75: num(9000) }),
      row("france", "FRANCE", { pop: num(68000000), menages: num(30000000), pop75: num(6500000) }),
    ],
  };
}

export const caf: SourceTable = {
  sourceId: "caf",
  file: "caf.csv",
  rows: [
    row("commune", "00001", { rsa: num(35) }),
    row("commune", "00002", { rsa: num(5) }),
    row("commune", "00003", { rsa: { status: "secret" } }),
    row("commune", "00004", { rsa: num(20) }),
    row("commune", "2A004", { rsa: num(0) }),
  ],
};

export const filosofi: SourceTable = {
  sourceId: "filo",
  file: "filo.csv",
  rows: [
    row("commune", "00001", { med: num(20500) }),
    row("commune", "00002", { med: { status: "secret" } }),
    row("commune", "00003", { med: { status: "secret" } }),
    row("commune", "00004", { med: num(21000) }),
    row("commune", "2A004", { med: { status: "secret" } }),
    row("epci", "000000001", { med: num(20300) }),
    row("departement", "00", { med: num(20800) }),
    row("france", "FR", { med: num(23000) }),
  ],
};

/** The index of `tables`, declared as `files`, lined up with `communes` (the fixture's referential by default). */
export function indexTables(tables: SourceTable[], files: Pick<Source, "id" | "extends" | "roundedTo">[] = [], communes = territories.communes.map((c) => c.code)): SourceIndex {
  const declared = new Map(files.map((f) => [f.id, f]));
  const position = new Map(communes.map((code, i) => [code, i]));
  return new SourceIndex(tables.map((table) => columnsOf(table, declared.get(table.sourceId), position)), communes.length);
}

export const indexOf = (...tables: SourceTable[]) => indexTables(tables, [{ id: "caf", roundedTo: 5 }]);

const base = { definition: "d", decimals: 1, polarity: "neutral" } as const;
export const indicators: Record<string, Indicator> = {
  pop: indicatorSchema.parse({ ...base, id: "pop", label: "Population", unit: "habitants", source: "rp", formula: { kind: "count", value: "rp.pop" }, aggregation: "sum" }),
  part75: indicatorSchema.parse({ ...base, id: "part75", label: "Part des 75 ans", unit: "%", source: "rp", formula: { kind: "share", numerator: "rp.pop75", denominator: "rp.pop" }, aggregation: "sum" }),
  rsa: indicatorSchema.parse({ ...base, id: "rsa", label: "Foyers RSA", unit: "%", source: "caf", formula: { kind: "share", numerator: "caf.rsa", denominator: "rp.menages" }, aggregation: "sum" }),
  med: indicatorSchema.parse({ ...base, id: "med", label: "Médiane", unit: "€", source: "filo", formula: { kind: "published", value: "filo.med" }, aggregation: "published" }),
  evol: indicatorSchema.parse({ ...base, id: "evol", label: "Évolution", unit: "%/an", source: "rp", formula: { kind: "evolution", from: "rp.menages", to: "rp.pop", years: 5 }, aggregation: "sum" }),
};
