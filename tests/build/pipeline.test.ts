// The whole data side on the fictional demo: one checked portrait model per EPCI.
import { beforeAll, describe, expect, it } from "vitest";
import type { Value } from "../../src/model/types";
import { runPipeline, type PipelineResult } from "../../src/pipeline/run";

let result: PipelineResult;
beforeAll(async () => {
  result = await runPipeline("data/demo/config.yaml", { buildDate: "2026-01-15" });
});

describe("demo pipeline", () => {
  it("builds one model per EPCI of the département, and publishes no data for an unsigned CTG", () => {
    expect(result.portraits.length).toBe(result.territories.epcis.length);
    expect(result.portraits.length).toBeGreaterThanOrEqual(12);
    const unsigned = result.portraits.filter((p) => !p.epci.agreement.signed);
    expect(unsigned).toHaveLength(1);
    expect(unsigned[0].indicators).toEqual({});
    expect(unsigned[0].maps.communes).toEqual([]);
  });

  it("gives every signed portrait at least 50 indicators, each value with a status and its provenance", () => {
    for (const portrait of result.portraits.filter((p) => p.epci.agreement.signed)) {
      const indicators = Object.values(portrait.indicators);
      expect(indicators.length).toBeGreaterThanOrEqual(50);
      for (const ind of indicators) {
        expect(ind.provenance.vintage).toBeTruthy();
        expect(ind.provenance.producer).toBeTruthy();
        expect(ind.values.map((v) => v.level)).toEqual(["epci", "group", "departement", "region", "france"]);
        for (const v of ind.values) {
          expect(["ok", "secret", "missing", "not-applicable"]).toContain(v.status);
          if (v.status === "ok") expect(Number.isFinite(v.value)).toBe(true);
          else expect(v.value).toBeUndefined();
        }
      }
    }
  });

  it("publishes no count of 1 to 4 people anywhere, portraits and indicator pages, as a value or as a numerator", () => {
    const people = new Set(
      [...result.declarations.indicators.values()]
        .filter((i) => i.isCount ?? ["count", "share", "rate"].includes(i.formula.kind))
        .map((i) => i.id),
    );
    const check = (ind: { unit: string }, values: Value[]) => {
      for (const v of values) {
        const count = v.numerator ?? (["habitants", "nombre", "personnes"].includes(ind.unit) ? v.value : undefined);
        if (v.status === "ok" && count !== undefined) expect(count === 0 || count >= 5).toBe(true);
      }
    };
    for (const portrait of result.portraits)
      for (const ind of Object.values(portrait.indicators)) if (people.has(ind.id)) check(ind, [...ind.values, ...(ind.communes ?? []).map((c) => c.value)]);
    // The indicator pages: every EPCI's value and the references.
    const units = new Map([...result.declarations.indicators.values()].map((i) => [i.id, i]));
    for (const page of result.indicators.filter((p) => people.has(p.id))) check(units.get(page.id)!, [...page.epcis.flatMap((e) => e.value ?? []), ...page.references]);
  });

  it("gives each computed indicator a page model: no value for an unsigned EPCI, ranks among the signed ones", () => {
    expect(result.indicators.map((p) => p.id).sort()).toEqual(result.site.catalogue.filter((c) => c.computed).map((c) => c.id).sort());
    for (const page of result.indicators) {
      expect(page.epcis.filter((e) => !e.signed).every((e) => e.value === undefined && e.rank === undefined)).toBe(true);
      // The value each portrait publishes, after secrecy.
      for (const p of result.portraits.filter((p) => p.indicators[page.id])) {
        const { level: _level, code, ...value } = p.indicators[page.id].values[0];
        expect(page.epcis.find((e) => e.code === code)!.value).toEqual(value);
      }
    }
  });

  it("shows some values as secret rather than dropping or zeroing them", () => {
    const statuses = result.portraits.flatMap((p) => Object.values(p.indicators).flatMap((i) => (i.communes ?? []).map((c) => c.value.status)));
    expect(statuses).toContain("secret");
    expect(result.secrecy.primary).toBeGreaterThan(0);
  });

  it("takes non-additive Filosofi values from the producer at each level", () => {
    const median = [...result.declarations.indicators.values()].find((i) => i.aggregation === "published" && i.unit === "€");
    expect(median).toBeDefined();
    const portrait = result.portraits.find((p) => p.epci.agreement.signed && p.indicators[median!.id])!;
    const epci = portrait.indicators[median!.id].values[0];
    expect(epci.numerator).toBeUndefined();
    expect(portrait.indicators[median!.id].values.find((v) => v.level === "group")?.status).toBe("not-applicable");
  });

  it("gives the same models for the same inputs", async () => {
    const again = await runPipeline("data/demo/config.yaml", { buildDate: "2026-01-15" });
    expect(JSON.stringify(again.portraits)).toBe(JSON.stringify(result.portraits));
    expect(JSON.stringify(again.site)).toBe(JSON.stringify(result.site));
    expect(JSON.stringify(again.indicators)).toBe(JSON.stringify(result.indicators));
  });

  it("carries pre-projected commune geometry and its own outline for the maps, every EPCI's outline in the site model", () => {
    const portrait = result.portraits.find((p) => p.epci.agreement.signed)!;
    expect(portrait.maps.communes.length).toBe(portrait.epci.communes.length);
    expect(portrait.maps.outline).toEqual(result.site.maps.find((e) => e.code === portrait.epci.code)!.geometry);
    expect(result.site.maps.length).toBe(result.territories.epcis.length);
    expect(portrait.maps.frame.width).toBeGreaterThan(0);
    expect(result.site.mapFrame).toEqual(portrait.maps.frame);
  });
});
