// A partner's table by EPCI (no commune rows): summed indicators take each EPCI's own row, and the
// département the sum of its EPCIs only where they cover it exactly.
import { describe, expect, it } from "vitest";
import { computeIndicators } from "../../src/compute/compute";
import { indicatorSchema } from "../../src/declare/schemas";
import type { Cell, SourceTable } from "../../src/read/types";
import { applySecrecy, COMPLEMENTARY_REASON, SMALL_COUNT_REASON } from "../../src/secrecy/secrecy";
import type { Territories } from "../../src/territories/types";
import { census, indexTables, territories } from "./fixtures";

const num = (value: number): Cell => ({ status: "ok", value });
const byEpci = (un: Cell, deux: Cell): SourceTable => ({
  sourceId: "cd",
  file: "cd_epci.xlsx",
  rows: [
    { level: "epci", code: "000000001", line: 2, cells: { apa: un } },
    { level: "epci", code: "000000002", line: 3, cells: { apa: deux } },
  ],
});
const departementRow: SourceTable = { sourceId: "cd-dep", file: "cd_dep.csv", rows: [{ level: "departement", code: "00", line: 2, cells: { apa: num(70) } }] };

const base = { definition: "d", decimals: 1, polarity: "neutral", source: "cd", aggregation: "sum" } as const;
const apa = indicatorSchema.parse({ ...base, id: "apa", label: "APA", unit: "personnes", formula: { kind: "count", value: "cd.apa" } });
const tauxApa = indicatorSchema.parse({ ...base, id: "taux_apa", label: "Taux d'APA", unit: "%", formula: { kind: "rate", numerator: "cd.apa", denominator: "rp.pop75", per: 100 } });

function compute(tables: SourceTable[], where: Territories = territories) {
  const index = indexTables([census(), ...tables], [{ id: "cd-dep", extends: "cd" }], where.communes.map((c) => c.code));
  return computeIndicators([apa, tauxApa], index, where);
}

/** The fixture's EPCIs, CC Deux reaching into another département. */
const straddling: Territories = { ...territories, epcis: [territories.epcis[0], { ...territories.epcis[1], wholePopulation: 8000 }] };

describe("a variable given by EPCI only", () => {
  it("gives each EPCI its own row, the communes and the groups nothing, the département the sum of its EPCIs", () => {
    const values = compute([byEpci(num(40), num(25))]).byId.get("apa")!;
    expect(values.epci.get("000000001")).toEqual({ status: "ok", value: 40 });
    expect(values.epci.get("000000002")).toEqual({ status: "ok", value: 25 });
    expect([...values.commune].map(([, v]) => v.status)).toEqual(Array(5).fill("not-applicable"));
    expect(values.group.get("M1")?.status).toBe("not-applicable");
    expect(values.departement).toEqual({ status: "ok", value: 65 });
    expect(values.region.status).toBe("not-applicable");
  });

  it("divides the EPCI's row by a denominator still summed from the communes", () => {
    const rate = compute([byEpci(num(40), num(25))]).byId.get("taux_apa")!;
    expect(rate.epci.get("000000001")).toMatchObject({ status: "ok", numerator: 40, denominator: 45.4 });
    expect(rate.epci.get("000000002")).toMatchObject({ status: "ok", numerator: 25, denominator: 26 });
    // The census's own département row (71.4) is preferred to its communes' sum, as before.
    expect(rate.departement).toMatchObject({ status: "ok", numerator: 65, denominator: 71.4 });
  });

  it("leaves a producer-secret EPCI out of the département's sum, flagged approximate", () => {
    const values = compute([byEpci(num(40), { status: "secret" })]).byId.get("apa")!;
    expect(values.epci.get("000000002")?.status).toBe("secret");
    expect(values.departement).toMatchObject({ status: "ok", value: 40, approximate: true, reason: "somme approchée : 1 valeur d'EPCI secrète non comptée" });
  });

  it("makes the département not available, saying why, when an EPCI straddles it or a commune is outside every EPCI", () => {
    const across = compute([byEpci(num(40), num(25))], straddling).byId.get("apa")!;
    expect(across.epci.get("000000002")).toEqual({ status: "ok", value: 25 });
    expect(across.departement).toEqual({ status: "missing", reason: expect.stringContaining("l'EPCI CC Deux (000000002) déborde du département") });
    const partial = compute([byEpci(num(40), num(25))], { ...territories, epcis: [territories.epcis[0]] }).byId.get("apa")!;
    expect(partial.departement).toEqual({ status: "missing", reason: expect.stringContaining("2 communes du département hors des EPCI décrites") });
  });

  it("takes the département's own row when the source carries one, even where the EPCIs straddle", () => {
    const values = compute([byEpci(num(40), num(25)), departementRow], straddling).byId.get("apa")!;
    expect(values.departement).toEqual({ status: "ok", value: 70 });
  });

  it("hides an EPCI count of 1 to 4, and another EPCI so that the département minus the rest does not give it", () => {
    const computed = compute([byEpci(num(3), num(25))]);
    applySecrecy({ indicators: [apa, tauxApa], computed, territories, categoryGroups: [] });
    const values = computed.byId.get("apa")!;
    expect(values.epci.get("000000001")).toEqual({ status: "secret", reason: SMALL_COUNT_REASON });
    expect(values.epci.get("000000002")).toEqual({ status: "secret", reason: COMPLEMENTARY_REASON });
    expect(values.departement).toEqual({ status: "ok", value: 28 });
    expect(computed.byId.get("taux_apa")!.epci.get("000000001")).toEqual({ status: "secret", reason: SMALL_COUNT_REASON });
  });
});
