import { describe, expect, it } from "vitest";
import { fromDecoupage } from "../../src/territories/decoupage";

describe("fromDecoupage", () => {
  const gers = fromDecoupage("32", "majority-population");

  it("gives the Gers's 15 EPCIs with the majority-population rule", () => {
    const codes = gers.territories.epcis.map((e) => e.code);
    expect(codes).toHaveLength(15);
    expect(codes).toContain("200066926");
    expect(codes).not.toContain("200030435"); // CC d'Aire-sur-l'Adour, mostly in the Landes
    expect(codes).not.toContain("248200016"); // CC des Deux Rives, mostly in Tarn-et-Garonne
    expect(gers.warnings.filter((w) => w.includes("pas de portrait"))).toHaveLength(2);
    expect(gers.territories.epcis.find((e) => e.code === "200066926")).toMatchObject({ name: "CA Grand Auch Coeur de Gascogne", nature: "CA" });
  });

  it("gives 17 EPCIs with the any-commune rule", () => {
    expect(fromDecoupage("32", "any-commune").territories.epcis).toHaveLength(17);
  });

  it("keeps every commune of the département, as 5-character strings, and records the vintage", () => {
    const t = gers.territories;
    expect(t.cogVintage).toBe("@etalab/decoupage-administratif 6.0.0");
    expect(t.departement).toEqual({ code: "32", name: "Gers" });
    expect(t.region).toEqual({ code: "76", name: "Occitanie" });
    expect(t.communes).toHaveLength(458);
    for (const c of t.communes) expect(c.code).toMatch(/^32\d{3}$/);
    // Communes of EPCIs without a portrait still count in the département.
    const portrayed = new Set(t.epcis.map((e) => e.code));
    expect(t.communes.filter((c) => !portrayed.has(c.epci))).toHaveLength(11);
    expect(t.epcis.flatMap((e) => e.communes)).toHaveLength(447);
  });

  it("handles Corsican codes", () => {
    const { territories } = fromDecoupage("2A", "majority-population");
    expect(territories.departement.name).toBe("Corse-du-Sud");
    expect(territories.region.code).toBe("94");
    expect(territories.communes.map((c) => c.code)).toContain("2A004");
    for (const c of territories.communes) expect(c.code).toMatch(/^2A\d{3}$/);
    expect(territories.epcis.length).toBeGreaterThan(0);
  });

  it("keeps only the département's part of a straddling EPCI, with its whole population", () => {
    const landes = fromDecoupage("40", "majority-population").territories.epcis.find((e) => e.code === "200030435")!;
    const inGers = fromDecoupage("32", "any-commune").territories.epcis.find((e) => e.code === "200030435")!;
    expect(landes.communes).toHaveLength(12);
    expect(inGers.communes).toHaveLength(10);
    for (const code of landes.communes) expect(code.startsWith("40")).toBe(true);
    for (const code of inGers.communes) expect(code.startsWith("32")).toBe(true);
    expect(inGers.wholePopulation).toBe(landes.wholePopulation);
    const gersPart = fromDecoupage("32", "any-commune").territories.communes.filter((c) => c.epci === "200030435");
    expect(gersPart.reduce((s, c) => s + c.population, 0)).toBeLessThan(inGers.wholePopulation! / 2);
  });

  it("refuses an unknown département", () => {
    expect(() => fromDecoupage("00", "any-commune")).toThrow(/Département « 00 » inconnu/);
  });
});
