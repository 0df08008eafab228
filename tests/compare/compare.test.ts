import { describe, expect, it } from "vitest";
import { compareWith, epciRanks } from "../../src/compare/compare";
import type { IndicatorValues } from "../../src/compute/types";
import type { LevelValue, Value } from "../../src/model/types";

const ok = (value: number) => ({ status: "ok" as const, value });

describe("compareWith", () => {
  it("gives differences in the unit (points for %) and ratios, skipping hidden references", () => {
    const references: LevelValue[] = [
      { level: "departement", code: "00", ...ok(10.3) },
      { level: "region", code: "00", status: "secret" },
      { level: "france", code: "FR", ...ok(0) },
    ];
    const result = compareWith(ok(12.4), references);
    expect(result).toHaveLength(2);
    expect(result[0].level).toBe("departement");
    expect(result[0].difference).toBeCloseTo(2.1);
    expect(result[0].ratio).toBeCloseTo(12.4 / 10.3);
    expect(result[1]).toEqual({ level: "france", difference: 12.4 });
  });

  it("compares nothing when the EPCI value is not shown", () => {
    expect(compareWith({ status: "secret" }, [{ level: "departement", code: "00", ...ok(3) }])).toEqual([]);
  });
});

describe("epciRanks", () => {
  const values = {
    epci: new Map<string, Value>([
      ["a", ok(5)],
      ["b", ok(9)],
      ["c", { status: "secret" as const }],
      ["d", ok(9)],
    ]),
  } as unknown as IndicatorValues;

  it("ranks from the highest value, ties sharing a rank, among shown values only", () => {
    const ranks = epciRanks(values, () => true);
    expect(ranks.get("b")).toEqual({ rank: 1, of: 3 });
    expect(ranks.get("d")).toEqual({ rank: 1, of: 3 });
    expect(ranks.get("a")).toEqual({ rank: 3, of: 3 });
    expect(ranks.get("c")).toBeUndefined();
  });

  it("ranks only the EPCIs it is told are published (a CTG signed)", () => {
    const ranks = epciRanks(values, (code) => code !== "b");
    expect(ranks.get("d")).toEqual({ rank: 1, of: 2 });
    expect(ranks.get("a")).toEqual({ rank: 2, of: 2 });
    expect(ranks.get("b")).toBeUndefined();
  });
});
