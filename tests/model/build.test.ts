// The model stage's contract for maps: a portrait carries only its own EPCI's geometry, the site model
// every EPCI's outline; so a portrait model does not grow with the number of EPCIs of the département.
// Commune values go only with the indicators a map draws.
import { describe, expect, it } from "vitest";
import { portraitPlanSchema } from "../../src/declare/schemas";
import { buildPortrait, buildSite } from "../../src/model/build";
import { buildIndicatorPages } from "../../src/model/indicator-page";
import { departementOf, PLAN } from "./departement";

describe("maps in the models", () => {
  const input = departementOf(15);
  const portrait = buildPortrait(input, input.territories.epcis[4]);

  it("give a portrait its communes, its own outline and the frame, and no other EPCI's outline", () => {
    expect(Object.keys(portrait.maps).sort()).toEqual(["communes", "frame", "outline"]);
    expect(portrait.maps.outline).toEqual(input.maps.epcis.get(portrait.epci.code));
    expect(portrait.maps.communes.map((c) => c.code)).toEqual(input.territories.epcis[4].communes);
    const json = JSON.stringify(portrait);
    for (const e of input.territories.epcis.filter((e) => e.code !== portrait.epci.code)) {
      expect(json).not.toContain(JSON.stringify(e.name));
      expect(json).not.toContain(JSON.stringify(input.maps.epcis.get(e.code)));
    }
  });

  it("give commune values only to the indicators the plan maps", () => {
    expect(portrait.indicators.population.communes).toBeUndefined();
    const choropleth = { kind: "choropleth", title: "Population par commune", indicators: ["population"] };
    const plan = portraitPlanSchema.parse({ ...PLAN, pages: PLAN.pages.map((p, i) => (i === 0 ? { ...p, blocks: [...p.blocks, choropleth] } : p)) });
    const mapped = buildPortrait({ ...input, plan }, input.territories.epcis[4]);
    expect(mapped.indicators.population.communes?.map((c) => c.code)).toEqual(input.territories.epcis[4].communes);
  });

  it("give the site model every EPCI's outline with its CTG, in the same frame", () => {
    const site = buildSite(input);
    expect(site.maps.map((e) => e.code)).toEqual(input.territories.epcis.map((e) => e.code));
    expect(site.maps.filter((e) => !e.signed)).toHaveLength(3);
    expect(site.mapFrame).toEqual(portrait.maps.frame);
  });

  it("do not grow with the number of EPCIs", () => {
    const france = departementOf(1255);
    const big = buildPortrait(france, france.territories.epcis[4]);
    // Only numbers differ: the frame's size, the EPCI's rank among the others.
    expect(Math.abs(JSON.stringify(big).length - JSON.stringify(portrait).length)).toBeLessThan(16);
  });
});

describe("ranks", () => {
  it("are the same in a portrait and on the indicator's page, among the EPCIs whose CTG is signed", () => {
    const input = departementOf(15);
    const page = buildIndicatorPages(input).find((p) => p.id === "population")!;
    const signed = page.epcis.filter((e) => e.signed);
    expect(signed.length).toBeLessThan(page.epcis.length);
    for (const e of page.epcis) {
      const rank = buildPortrait(input, input.territories.epcis.find((t) => t.code === e.code)!).indicators.population?.rank;
      expect(rank, e.code).toEqual(e.rank);
      if (e.signed) expect(rank?.of).toBe(signed.length);
      else expect(rank).toBeUndefined();
    }
  });
});
