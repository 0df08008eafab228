import { describe, expect, it } from "vitest";
import { indicatorSchema, sourceSchema } from "../../src/declare/schemas";
import { mainFile } from "../../src/declare/source-files";
import { fillVintages, indicatorVintages, primaryRef } from "../../src/model/vintage";

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

  it("takes the vintage and provenance of the file that gives the variable when a source spans several files", () => {
    const extract = sourceSchema.parse({
      id: "rp-complet", extends: "rp", producer: "INSEE", dataset: "Dossier complet", vintage: "2023", licence: "LO", file: "dc.csv", format: "csv",
      code: { column: "CODGEO", level: "commune" },
      columns: { pop_0014: "P22_POP0014", pop_ancien: { column: "P11_POP", vintage: "2011" } },
    });
    const both = new Map([["rp", rp], ["rp-complet", extract]]);
    const share = indicatorSchema.parse({ ...base, unit: "%", id: "s", label: "Part des 0-14 ans en {vintage}", formula: { kind: "share", numerator: "rp.pop_0014", denominator: "rp.pop" } });
    expect(mainFile(primaryRef(share.formula), both.values())?.dataset).toBe("Dossier complet");
    expect(fillVintages(share.label, indicatorVintages(share, both))).toBe("Part des 0-14 ans en 2023");
    const evol = indicatorSchema.parse({ ...base, id: "e", label: "({vintage_from}-{vintage})", formula: { kind: "evolution", from: "rp.pop_ancien", to: "rp.pop", years: 11 } });
    expect(indicatorVintages(evol, both)).toEqual({ vintage: "2022", from: "2011" });
  });
});
