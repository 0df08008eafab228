import { describe, expect, it } from "vitest";
import { computeIndicators } from "../../src/compute/compute";
import { caf, census, filosofi, indexOf, indicators, territories } from "./fixtures";

const run = (ids: string[], tables = [census(), caf, filosofi]) =>
  computeIndicators(ids.map((id) => indicators[id]), indexOf(...tables), territories).byId;

describe("computeIndicators", () => {
  it("sums commune counts to the EPCI and the group, and takes the producer's reference rows", () => {
    const pop = run(["pop"]).get("pop")!;
    expect(pop.epci.get("000000001")).toEqual({ status: "ok", value: 1230 });
    expect(pop.epci.get("000000002")).toEqual({ status: "ok", value: 550 });
    expect(pop.group.get("M1")?.value).toBe(1780);
    expect(pop.commune.get("2A004")).toEqual({ status: "ok", value: 50 });
    expect(pop.region.value).toBe(100000);
    expect(pop.france.value).toBe(68000000);
  });

  it("divides summed numerators by summed denominators, never averages commune rates", () => {
    const share = run(["part75"]).get("part75")!.epci.get("000000001")!;
    expect(share.numerator).toBeCloseTo(45.4);
    expect(share.denominator).toBe(1230);
    expect(share.value).toBeCloseTo((45.4 / 1230) * 100);
  });

  it("leaves producer-secret commune cells out of sums and flags the result as approximate", () => {
    const rsa = run(["rsa"]).get("rsa")!;
    const epci = rsa.epci.get("000000001")!;
    expect(epci.status).toBe("ok");
    expect(epci.numerator).toBe(40);
    expect(epci.approximate).toBe(true);
    expect(epci.reason).toMatch(/1 valeur communale secrète/);
    expect(rsa.commune.get("00003")).toMatchObject({ status: "secret" });
    // CAF has no département row: the département is fully covered, so it is the sum.
    expect(rsa.departement).toMatchObject({ status: "ok", numerator: 60 });
    // Région and France are never sums of the département's communes.
    expect(rsa.region.status).toBe("not-applicable");
    expect(rsa.france.status).toBe("not-applicable");
  });

  it("takes non-additive values as published at each level, never summed", () => {
    const med = run(["med"]).get("med")!;
    expect(med.epci.get("000000001")).toEqual({ status: "ok", value: 20300 });
    // No EPCI row for CC Deux: missing, not computed from its communes.
    expect(med.epci.get("000000002")).toMatchObject({ status: "missing" });
    expect(med.group.get("M1")?.status).toBe("not-applicable");
    expect(med.region.status).toBe("not-applicable");
    expect(med.france.value).toBe(23000);
    expect(med.commune.get("00002")?.status).toBe("secret");
  });

  it("reports a commune absent from a file as missing, and zero denominators as missing", () => {
    const partial = { ...caf, rows: caf.rows.filter((r) => r.code !== "00004") };
    const rsa = run(["rsa"], [census(), partial]).get("rsa")!;
    expect(rsa.commune.get("00004")).toMatchObject({ status: "missing" });
    expect(rsa.epci.get("000000002")).toMatchObject({ status: "missing", reason: "données manquantes pour 1 commune" });
    const zero = run(["part75"], [census({ "00003": { pop: { status: "ok", value: 0 }, pop75: { status: "ok", value: 0 } } })]).get("part75")!;
    expect(zero.commune.get("00003")).toEqual({ status: "missing", reason: "dénominateur nul" });
  });

  it("computes an annual mean evolution rate", () => {
    const evol = run(["evol"]).get("evol")!.commune.get("00001")!;
    expect(evol.value).toBeCloseTo(((1000 / 400) ** (1 / 5) - 1) * 100);
  });
});
