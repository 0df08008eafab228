import { describe, expect, it } from "vitest";
import type { Level } from "../../src/declare/schemas";
import { comparisonClauses, comparisonPhrase, comparisonSentence, ratioPhrase, territoryPhrase } from "../../src/format/compare";
import { NBSP, NNBSP } from "../../src/format/number";
import type { IndicatorModel, LevelValue, Value } from "../../src/model/types";

const ok = (value: number): Value => ({ status: "ok", value });

function indicator(unit: string, decimals: number, values: [Level, Value][], extra: Partial<IndicatorModel> = {}): IndicatorModel {
  return {
    id: "x",
    label: "Indicateur",
    definition: "",
    unit,
    decimals,
    polarity: "neutral",
    theme: "familles",
    provenance: { sourceId: "s", producer: "INSEE", dataset: "RP", vintage: "2021", licence: "LO 2.0" },
    values: values.map(([level, v]): LevelValue => ({ ...v, level, code: level })),
    comparisons: [],
    ...extra,
  };
}

describe("ratio phrase bands", () => {
  it("maps the index to French bands", () => {
    expect(ratioPhrase(2.5)).toBe("plus de deux fois plus que");
    expect(ratioPhrase(2)).toBe("environ deux fois plus que");
    expect(ratioPhrase(1.02)).toBe("à peu près autant que");
    expect(ratioPhrase(1.05)).toBe("un peu plus que");
    expect(ratioPhrase(0.96)).toBe("un peu moins que");
    expect(ratioPhrase(1.2)).toBe(`environ 20${NBSP}% de plus que`);
    expect(ratioPhrase(0.5)).toBe("environ la moitié de");
    expect(ratioPhrase(0.33)).toBe("environ le tiers de");
    expect(ratioPhrase(0.001)).toBe(`moins de 10${NBSP}% de`);
  });
  it("has no band for a ratio that means nothing", () => {
    expect(ratioPhrase(0)).toBeUndefined();
    expect(ratioPhrase(-0.4)).toBeUndefined();
    expect(ratioPhrase(Infinity)).toBeUndefined();
    expect(ratioPhrase(NaN)).toBeUndefined();
  });
});

describe("comparisonPhrase", () => {
  it("compares percentages in points", () => {
    expect(comparisonPhrase(12.4, 10.3, "%", 1)).toBe(`2,1${NBSP}points de plus que`);
    expect(comparisonPhrase(10, 11, "%", 1)).toBe(`1,0${NBSP}point de moins que`);
    expect(comparisonPhrase(11, 10, "%", 0)).toBe(`1${NBSP}point de plus que`);
    expect(comparisonPhrase(12.41, 12.38, "%", 1)).toBe("à peu près autant que");
  });
  it("falls back to the gap when a ratio has no meaning (zero or negative)", () => {
    expect(comparisonPhrase(0, 3.2, "‰", 1)).toBe(`3,2${NBSP}‰ de moins que`);
    expect(comparisonPhrase(5, 0, "‰", 1)).toBe(`5,0${NBSP}‰ de plus que`);
    expect(comparisonPhrase(-2, 4, "indice", 0)).toBe("6 de moins que");
    expect(comparisonPhrase(0, 0, "‰", 1)).toBe("à peu près autant que");
  });
  it("never compares counts", () => {
    expect(comparisonPhrase(12000, 190000, "habitants", 0)).toBeUndefined();
  });
});

describe("territories", () => {
  it("names levels with their article; the group is named by the caller", () => {
    expect(territoryPhrase("departement")).toBe("le département");
    expect(territoryPhrase("region")).toBe("la région");
    expect(territoryPhrase("france")).toBe("la France");
    expect(territoryPhrase("group", "la Maison des solidarités")).toBe("la Maison des solidarités");
  });
  it("contracts and elides", () => {
    const refs = [
      { level: "departement" as const, value: ok(40000) },
      { level: "france" as const, value: ok(40000) },
      { level: "group" as const, value: ok(20200) },
    ];
    expect(comparisonClauses(ok(20000), refs, "€", 0, "Auch")).toEqual([
      "environ la moitié du département",
      "environ la moitié de la France",
      "à peu près autant qu'Auch",
    ]);
  });
});

describe("comparisonSentence", () => {
  it("writes numbers first, then comparisons in points", () => {
    const ind = indicator("%", 1, [
      ["epci", ok(12.4)],
      ["group", ok(12.9)],
      ["departement", ok(10.3)],
      ["region", { status: "secret" }],
      ["france", ok(12.38)],
    ]);
    expect(comparisonSentence(ind, { of: "des ménages", groupName: "la Maison des solidarités" })).toBe(
      `12,4${NBSP}% des ménages, soit 0,5${NBSP}point de moins que la Maison des solidarités, ` +
        `2,1${NBSP}points de plus que le département et à peu près autant que la France.`,
    );
    expect(comparisonSentence(ind, { levels: ["france"] })).toBe(`12,4${NBSP}%, soit à peu près autant que la France.`);
  });
  it("uses ratio bands for other rates", () => {
    const ind = indicator("€", 0, [
      ["epci", ok(20100)],
      ["departement", ok(21000)],
      ["france", ok(10000)],
    ]);
    expect(comparisonSentence(ind)).toBe(`20${NNBSP}100${NBSP}€, soit un peu moins que le département et environ deux fois plus que la France.`);
  });
  it("says nothing when the EPCI value is not shown", () => {
    expect(comparisonSentence(indicator("%", 1, [["epci", { status: "secret" }], ["france", ok(3)]]))).toBeUndefined();
    expect(comparisonSentence(indicator("%", 1, [["epci", { status: "missing" }]]))).toBeUndefined();
    expect(comparisonSentence(indicator("%", 1, [["france", ok(3)]]))).toBeUndefined();
  });
  it("keeps the value alone when no reference is shown", () => {
    const ind = indicator("‰", 1, [["epci", ok(4.2)], ["departement", { status: "missing" }]]);
    expect(comparisonSentence(ind)).toBe(`4,2${NBSP}‰.`);
  });
  it("ranks counts instead of comparing them, and flags approximate sums", () => {
    const ind = indicator("personnes", 0, [["epci", { status: "ok", value: 1234, approximate: true }], ["france", ok(5e6)]], {
      rank: { rank: 1, of: 12 },
    });
    expect(comparisonSentence(ind)).toBe(`environ 1${NNBSP}234${NBSP}personnes, au 1er rang des 12 intercommunalités du département.`);
    expect(comparisonSentence({ ...ind, rank: undefined })).toBe(`environ 1${NNBSP}234${NBSP}personnes.`);
  });
  it("guards a zero EPCI value against ratio bands", () => {
    const ind = indicator("pour 10 000", 1, [["epci", ok(0)], ["departement", ok(2.5)]]);
    expect(comparisonSentence(ind)).toBe(`0,0${NBSP}pour 10${NNBSP}000, soit 2,5${NBSP}pour 10${NNBSP}000 de moins que le département.`);
  });
});
