import { describe, expect, it } from "vitest";
import { diffPublications } from "../../src/changes/diff";
import type { Publication } from "../../src/changes/types";

const publication = (over: Partial<Publication> = {}): Publication => ({
  schemaVersion: 1,
  buildDate: "2026-01-10",
  sources: { rp: { dataset: "Recensement", vintage: "2021" }, caf: { dataset: "Allocataires", vintage: "2023" } },
  epcis: { "000000001": { name: "CC Un", signed: true }, "000000002": { name: "CC Deux", signed: false } },
  values: { "000000001": { pop: { status: "ok", value: 1230 }, part75: { status: "ok", value: 12.44 } }, "000000002": {} },
  indicators: { pop: { label: "Population", unit: "habitants", decimals: 0 }, part75: { label: "Part des 75 ans ou plus", unit: "%", decimals: 1 } },
  ...over,
});

describe("diffPublications", () => {
  it("reports nothing between two identical publications", () => {
    const report = diffPublications(publication(), publication({ buildDate: "2026-02-01" }));
    expect(report).toMatchObject({ previousDate: "2026-01-10", buildDate: "2026-02-01", vintages: [], agreements: [], values: [] });
  });

  it("reports new vintages, CTG status changes and changed values with their difference", () => {
    const next = publication({
      buildDate: "2026-06-01",
      sources: { rp: { dataset: "Recensement", vintage: "2022" }, caf: { dataset: "Allocataires", vintage: "2023" } },
      epcis: { "000000001": { name: "CC Un", signed: true }, "000000002": { name: "CC Deux", signed: true } },
      values: { "000000001": { pop: { status: "ok", value: 1250 }, part75: { status: "secret" } }, "000000002": {} },
    });
    const report = diffPublications(publication(), next);
    expect(report.vintages).toEqual([{ source: "rp", dataset: "Recensement", before: "2021", after: "2022" }]);
    expect(report.agreements).toEqual([{ epci: "000000002", name: "CC Deux", before: false, after: true }]);
    expect(report.values.map((v) => [v.indicator, v.difference])).toEqual([
      ["part75", undefined],
      ["pop", 20],
    ]);
    expect(report.values[0].after).toEqual({ status: "secret" });
  });

  it("ignores changes invisible at the displayed precision", () => {
    const next = publication({ values: { "000000001": { pop: { status: "ok", value: 1230.2 }, part75: { status: "ok", value: 12.36 } }, "000000002": {} } });
    expect(diffPublications(publication(), next).values).toEqual([]);
  });

  it("describes a first publication without value changes", () => {
    const report = diffPublications(undefined, publication());
    expect(report.previousDate).toBeUndefined();
    expect(report.values).toEqual([]);
    expect(report.indicatorsAdded).toEqual(["part75", "pop"]);
  });
});
