import { describe, expect, it } from "vitest";
import { computeIndicators } from "../../src/compute/compute";
import { applySecrecy, COMPLEMENTARY_REASON, SMALL_COUNT_REASON, type HiddenValues, type SecrecyStore } from "../../src/secrecy/secrecy";
import { caf, census, filosofi, indexOf, indicators, territories } from "../compute/fixtures";

function secret(ids: string[], categoryGroups: string[][] = [], store?: SecrecyStore) {
  const list = ids.map((id) => indicators[id]);
  const computed = computeIndicators(list, indexOf(census(), caf, filosofi), territories);
  const counts = applySecrecy({ indicators: list, computed, territories, categoryGroups }, store);
  return { values: computed.byId, counts };
}

/** Every value of every indicator, for comparing two outcomes. */
const everything = (values: ReturnType<typeof secret>["values"]) =>
  [...values].map(([id, v]) => [id, [...v.commune], [...v.epci], [...v.group], v.departement, v.region, v.france]);

describe("applySecrecy", () => {
  it("hides rates whose numerator is 1 to 4, weighted counts included (3.4 people)", () => {
    const part75 = secret(["part75"]).values.get("part75")!;
    expect(part75.commune.get("00002")).toEqual({ status: "secret", reason: SMALL_COUNT_REASON });
    expect(part75.commune.get("00003")).toEqual({ status: "secret", reason: SMALL_COUNT_REASON });
    expect(part75.commune.get("00001")?.status).toBe("ok");
  });

  it("does not over-suppress where two values of an EPCI are already hidden or none is", () => {
    const part75 = secret(["part75"]).values.get("part75")!;
    // CC Deux: 2A004 has 6 people aged 75+ (shown), 00004 has 20. Nothing hidden, nothing to protect.
    expect(part75.commune.get("2A004")?.status).toBe("ok");
    // CC Un: two communes hidden by the primary rule, so no complement is needed there.
    expect(part75.commune.get("00001")?.status).toBe("ok");
  });

  it("applies complementary suppression when exactly one commune of an EPCI is hidden", () => {
    const { values } = secret(["rsa"]);
    const rsa = values.get("rsa")!;
    // 00003 is secret at the producer; the EPCI numerator (40) is shown, so the next
    // smallest commune (00002, 5 foyers) is hidden so 00003 cannot be recovered.
    expect(rsa.commune.get("00002")).toEqual({ status: "secret", reason: COMPLEMENTARY_REASON });
    expect(rsa.commune.get("00001")?.status).toBe("ok");
    // A zero count is not secret.
    expect(rsa.commune.get("2A004")?.status).toBe("ok");
  });

  it("never leaves a hidden value recoverable as a whole minus its other parts, for any EPCI", () => {
    const { values } = secret(["part75", "rsa", "pop"]);
    for (const v of values.values())
      for (const epci of territories.epcis) {
        if (v.epci.get(epci.code)?.status !== "ok") continue;
        const hidden = epci.communes.filter((c) => v.commune.get(c)?.status === "secret");
        expect(hidden.length).not.toBe(1);
      }
  });

  it("protects categories of one whole: one hidden category hides the smallest other", () => {
    const { values } = secret(["part75", "rsa"], [["part75", "rsa"]]);
    // At 00002 both are already hidden; at 00003 both are hidden; at 2A004 none is.
    for (const code of ["00001", "00004", "2A004"]) {
      const statuses = ["part75", "rsa"].map((id) => values.get(id)!.commune.get(code)!.status);
      expect(statuses.filter((s) => s === "secret").length).not.toBe(1);
    }
  });

  it("does not touch non-count values published by the producer", () => {
    const { values, counts } = secret(["med"]);
    expect(values.get("med")!.commune.get("00001")).toEqual({ status: "ok", value: 20500 });
    expect(counts).toEqual({ primary: 0, complementary: 0 });
  });

  it("gives the same outcome component by component, and takes a component kept by an earlier build as it was", () => {
    const ids = ["part75", "rsa", "pop"];
    const groups = [["part75", "rsa"]];
    const kept = new Map<string, HiddenValues>();
    const name = (members: { id: string }[]) => members.map((m) => m.id).join("+");
    const store: SecrecyStore = { get: (members) => kept.get(name(members)), put: (members, _groups, hidden) => kept.set(name(members), hidden) };
    const alone = secret(ids, groups);
    const first = secret(ids, groups, store);
    expect([...kept.keys()].sort()).toEqual(["part75+rsa", "pop"].sort()); // linked by a category group, or alone
    expect(everything(first.values)).toEqual(everything(alone.values));
    const again = secret(ids, groups, { get: store.get, put: () => expect.unreachable("nothing to hide anew") });
    expect(everything(again.values)).toEqual(everything(alone.values));
    expect(again.counts).toEqual(alone.counts);
  });
});
