import { describe, expect, it } from "vitest";
import { epciMapFile } from "../../src/charts/epci-map";
import { epciMapHref, epciMapSvg } from "../../src/site/epci-map";
import { departementMap, epciEntries, homeLead } from "../../src/site/home";
import { aggregationText, catalogueByTheme, catalogueStatus, downloadLinks } from "../../src/site/methods";
import { parse } from "../charts/helpers";
import { site } from "./fixtures";

describe("home page", () => {
  it("lists the EPCIs alphabetically, numbered, the unsigned ones saying why there is no portrait", () => {
    const entries = epciEntries(site);
    expect(entries.map((e) => [e.number, e.name, e.href, e.signed])).toEqual([
      [1, "CA d'Auch", "/epci/200000001/", true],
      [2, "CC du Val", "/epci/200000002/", false],
    ]);
    expect(entries[0].detail).toBe("Communauté d'agglomération · 34 communes · 41\u202f234\u00a0habitants");
    expect(entries[1].detail).toContain("non signée");
  });

  it("draws every EPCI with its number, and none singled out", () => {
    const map = departementMap(site, epciEntries(site));
    const svg = parse(map.svg).querySelector("svg.pt-plot")!;
    expect([...svg.querySelectorAll("text")].map((t) => t.textContent)).toEqual(["1", "2"]);
    expect(map.svg).toContain("CTG non signée\u00a0: CC du Val");
    expect(map.alt).not.toContain("mise en évidence");
  });

  it("draws the portraits' shared background once, from the site model, the same for the same site", () => {
    const svg = epciMapSvg(site);
    expect(svg).toBe(epciMapFile({ frame: site.mapFrame, epcis: site.maps }));
    expect(svg).toContain('viewBox="0 0 30 10"');
    expect(svg.match(/<path d="[^"]*Z"/g)).toHaveLength(2);
    expect(epciMapHref({ ...site })).toBe(epciMapHref(site));
    const signed = { ...site, maps: site.maps.map((e) => ({ ...e, signed: true })) };
    expect(epciMapHref(signed)).not.toBe(epciMapHref(site));
  });

  it("names the intermediate level with its article", () => {
    expect(homeLead(site)).toContain("avec la Maison des solidarités de rattachement, le département");
    expect(homeLead({})).toContain("avec le département");
  });
});

describe("methods page", () => {
  it("explains the aggregation of counts, ratios and published values", () => {
    const [population, mediane, taux] = site.catalogue;
    expect(aggregationText(population)).toBe("Additionné : les effectifs des communes sont sommés pour chaque territoire.");
    expect(aggregationText(taux)).toContain("puis le rapport est calculé");
    expect(aggregationText(mediane)).toContain("ne s'obtient pas en additionnant les communes");
  });

  it("says whether each indicator is in the portraits", () => {
    expect(catalogueStatus({ computed: true, inPlan: true })).toBe("Présent dans les portraits.");
    expect(catalogueStatus({ computed: true, inPlan: false })).toContain("absent du plan");
    expect(catalogueStatus({ computed: false, inPlan: false })).toContain("Non calculable dans cette configuration");
  });

  it("groups the catalogue by theme in the themes' order, by label within a theme", () => {
    expect(catalogueByTheme(site.catalogue).map((t) => [t.theme, t.indicators.map((i) => i.id)])).toEqual([
      ["territoire", ["taux", "population"]],
      ["revenus", ["mediane"]],
    ]);
  });

  it("links the downloads of published portraits only", () => {
    expect(downloadLinks(site)).toEqual([{ name: "CA d'Auch", csv: "/epci/200000001/donnees.csv", json: "/epci/200000001/donnees.json" }]);
  });
});
