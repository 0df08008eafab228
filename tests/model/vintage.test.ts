import { describe, expect, it } from "vitest";
import { indicatorSchema, sourceSchema } from "../../src/declare/schemas";
import { fillVintages, indicatorVintages } from "../../src/model/vintage";

const rp = sourceSchema.parse({
  id: "rp", producer: "INSEE", dataset: "RP", vintage: "2022", licence: "LO", file: "rp.csv", format: "csv",
  code: { column: "CODGEO", level: "commune" },
  columns: { pop: "P22_POP", pop_precedent: { column: "P16_POP", vintage: "2016" } },
});
const sources = new Map([["rp", rp]]);
const base = { definition: "d", unit: "%/an", decimals: 2, polarity: "neutral", source: "rp", aggregation: "sum" } as const;

describe("vintages in labels", () => {
  it("names the years of an evolution from the columns' own vintages", () => {
    const evol = indicatorSchema.parse({ ...base, id: "e", label: "Évolution ({vintage_from}-{vintage})", formula: { kind: "evolution", from: "rp.pop_precedent", to: "rp.pop", years: 6 } });
    const vintages = indicatorVintages(evol, sources);
    expect(vintages).toEqual({ vintage: "2022", from: "2016" });
    expect(fillVintages(evol.label, vintages)).toBe("Évolution (2016-2022)");
  });

  it("uses a column's vintage for a count of an earlier census", () => {
    const count = indicatorSchema.parse({ ...base, unit: "habitants", id: "p", label: "Population en {vintage}", formula: { kind: "count", value: "rp.pop_precedent" } });
    expect(fillVintages(count.label, indicatorVintages(count, sources))).toBe("Population en 2016");
  });
});
