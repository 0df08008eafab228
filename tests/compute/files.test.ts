// One logical source spread over several files (`extends`): lookups by variable and level, whichever
// file gives them, as with the populations légales (one file per level) or the census (two files).
import { describe, expect, it } from "vitest";
import type { SourceIndex } from "../../src/compute/components";
import { computeIndicators } from "../../src/compute/compute";
import { indicatorSchema } from "../../src/declare/schemas";
import type { Cell, SourceRow, SourceTable } from "../../src/read/types";
import { indexTables, territories } from "./fixtures";

const num = (value: number): Cell => ({ status: "ok", value });
const table = (sourceId: string, rows: [SourceRow["level"], string, Record<string, Cell>][]): SourceTable => ({
  sourceId,
  file: `${sourceId}.csv`,
  rows: rows.map(([level, code, cells], line) => ({ level, code, line, cells })),
});
const COMMUNES = ["00001", "00002", "00003", "00004", "2A004"];

// Populations légales: same column in a communes file, a départements file and a régions file.
const legales = [
  table("pl", COMMUNES.map((code, i) => ["commune", code, { pmun: num(100 * (i + 1)) }])),
  table("pl-dep", [["departement", "00", { pmun: num(1502) }]]),
  table("pl-reg", [["region", "00", { pmun: num(90000) }]]),
];
// Census: the main file gives pop at every level, an extract gives the age bands by commune only.
const census = [
  table("rp", [...COMMUNES.map((code): [SourceRow["level"], string, Record<string, Cell>] => ["commune", code, { pop: num(100) }]), ["departement", "00", { pop: num(500) }]]),
  table("rp-complet", COMMUNES.map((code) => ["commune", code, { pop_0014: num(code === "00003" ? 3 : 20) }])),
];
const files = [
  { id: "pl" },
  { id: "pl-dep", extends: "pl" },
  { id: "pl-reg", extends: "pl" },
  { id: "rp" },
  { id: "rp-complet", extends: "rp" },
];

const base = { definition: "d", decimals: 1, polarity: "neutral", aggregation: "sum" } as const;
const legale = indicatorSchema.parse({ ...base, id: "legale", label: "Population légale", unit: "habitants", source: "pl", formula: { kind: "count", value: "pl.pmun" } });
const jeunes = indicatorSchema.parse({ ...base, id: "jeunes", label: "Part des 0-14 ans", unit: "%", source: "rp", formula: { kind: "share", numerator: "rp.pop_0014", denominator: "rp.pop" } });
const compute = (indicator: typeof legale, index: SourceIndex) => computeIndicators([indicator], index, territories).byId.get(indicator.id)!;

describe("a source over several files", () => {
  const index = indexTables([...legales, ...census], files);

  it("finds each level's rows in the file that gives them, under the source's own id", () => {
    expect(index.hasLevel("pl.pmun", "departement")).toBe(true);
    expect(index.hasLevel("pl.pmun", "france")).toBe(false);
    expect(index.cell("pl.pmun", "region", "00")).toEqual(num(90000));
    expect(index.cell("pl-dep.pmun", "departement", "00")).toBeUndefined();
  });

  it("sums commune rows for an EPCI and takes the producer's reference rows, never a sum", () => {
    const pop = compute(legale, index);
    expect(pop.epci.get("000000001")).toEqual(num(600));
    expect(pop.departement).toEqual(num(1502)); // the départements file, not Σ communes = 1500
    expect(pop.region).toEqual(num(90000));
    expect(pop.france.status).toBe("not-applicable");
  });

  it("combines variables of two files, and sums a reference level one of them lacks", () => {
    const share = compute(jeunes, index);
    expect(share.epci.get("000000002")).toMatchObject({ status: "ok", numerator: 40, denominator: 200 });
    // pop_0014 has no département row: the département is the sum of all its communes.
    expect(share.departement).toMatchObject({ status: "ok", numerator: 83, denominator: 500 });
    expect(share.region.status).toBe("not-applicable");
  });

  it("flags sums as approximate only for variables of a rounded file", () => {
    const rounded = indexTables(census, [{ id: "rp" }, { id: "rp-complet", extends: "rp", roundedTo: 5 }]);
    expect(rounded.isRounded("rp.pop_0014", "commune")).toBe(true);
    expect(rounded.isRounded("rp.pop", "commune")).toBe(false);
    expect(compute(jeunes, rounded).epci.get("000000001")).toMatchObject({ approximate: true });
  });

  it("refuses two files giving one variable at one level", () => {
    const twice = table("rp-bis", [["commune", "00001", { pop: num(1) }]]);
    expect(() => indexTables([...census, twice], [...files, { id: "rp-bis", extends: "rp" }])).toThrow(/« rp\.pop » au niveau commune vient de deux fichiers : rp\.csv et rp-bis\.csv/);
  });
});

describe("a published value given by commune only", () => {
  const filosofi = table("filo", [
    ["commune", "00001", { med: num(20500) }],
    ["commune", "00002", { med: { status: "secret" } }],
    ["commune", "00003", { med: { status: "secret" } }],
    ["commune", "00004", { med: num(21000) }],
    ["commune", "2A004", { med: { status: "secret" } }],
  ]);
  const median = indicatorSchema.parse({ ...base, aggregation: "published", id: "med", label: "Médiane", unit: "€", source: "filo", formula: { kind: "published", value: "filo.med" } });

  it("is never summed: every level without producer rows is not applicable, secret communes stay secret", () => {
    const med = compute(median, indexTables([filosofi]));
    expect(med.commune.get("00001")).toEqual(num(20500));
    expect(med.commune.get("00002")?.status).toBe("secret");
    for (const value of [med.epci.get("000000001"), med.group.get("M1"), med.departement, med.region, med.france])
      expect(value).toMatchObject({ status: "not-applicable" });
  });
});
