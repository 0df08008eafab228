import { describe, expect, it } from "vitest";
import { communesByLetter, directHit, matchCommunes, resultsMessage, searchIndex, searchIndexJson } from "../../src/site/search";
import { MALICIOUS, site } from "./fixtures";

const index = searchIndex(site);
const names = (query: string) => matchCommunes(index, query).map((h) => h.name);

describe("commune search index", () => {
  it("lists every commune alphabetically with its folded name and its EPCI", () => {
    expect(index.communes).toHaveLength(site.communes.length);
    expect(index.communes.map((c) => c.name)).toEqual(["Auch", "Étienne", "Saint-Étienne-du-Rouvray", "Sainte-Christie", MALICIOUS]);
    expect(index.communes[4]).toMatchObject({ name: MALICIOUS, key: "script alert 1 script", epci: 0 });
    expect(index.sheets).toBe("/commune/");
    const auch = index.communes.find((c) => c.name === "Auch")!;
    expect(index.epcis[auch.epci]).toEqual({ code: "200000001", name: "CA d'Auch", href: "/epci/200000001/" });
    expect(index.epcis.find((e) => e.code === "200000002")).toMatchObject({ href: "/epci/200000002/", note: "portrait non publié" });
  });

  it("keeps a commune whose EPCI is portrayed elsewhere, without a link", () => {
    const outside = searchIndex({ ...site, communes: [{ code: "1", name: "Arblade", epci: "999" }, { code: "2", name: "Aignan", epci: "999" }] });
    expect(outside.epcis.filter((e) => e.code === "999")).toEqual([
      { code: "999", name: "intercommunalité d'un autre département", note: "pas de portrait sur ce site" },
    ]);
    const [hit] = matchCommunes(outside, "arblade");
    expect(hit.href).toBeUndefined();
    expect(directHit([hit], "arblade")).toBeUndefined();
  });

  it("writes no raw markup in the JSON, and parses back to the same index", () => {
    const json = searchIndexJson(index);
    expect(json).not.toContain("<script>");
    expect(JSON.parse(json)).toEqual(index);
  });
});

describe("matching", () => {
  it("ignores accents, case, hyphens and apostrophes", () => {
    expect(names("saint etienne")).toEqual(["Saint-Étienne-du-Rouvray"]);
    expect(names("SAINT-ÉTIENNE")).toEqual(["Saint-Étienne-du-Rouvray"]);
    expect(names("  sainte  christie ")).toEqual(["Sainte-Christie"]);
  });

  it("ranks a name that starts with the query before one that contains it", () => {
    expect(names("etienne")).toEqual(["Étienne", "Saint-Étienne-du-Rouvray"]);
  });

  it("finds nothing for an empty query, and lands on the commune's sheet, which leads to its EPCI's portrait", () => {
    expect(names("  -- ")).toEqual([]);
    const [hit] = matchCommunes(index, "auch");
    const code = site.communes.find((c) => c.name === "Auch")!.code;
    expect(hit).toEqual({ name: "Auch", key: "auch", epciName: "CA d'Auch", href: `/commune/${code}/`, epciHref: "/epci/200000001/", note: undefined });
  });

  it("goes straight to a single or exactly named match", () => {
    expect(directHit(matchCommunes(index, "etienne"), "Étienne")?.name).toBe("Étienne");
    expect(directHit(matchCommunes(index, "christie"), "christie")?.name).toBe("Sainte-Christie");
    expect(directHit(matchCommunes(index, "sain"), "sain")).toBeUndefined();
  });

  it("says what was found", () => {
    expect(resultsMessage(0, 0, "xyz")).toBe("Aucune commune ne correspond à «\u00a0xyz\u00a0».");
    expect(resultsMessage(1, 1, "auch")).toBe("1 commune trouvée.");
    expect(resultsMessage(3, 3, "a")).toBe("3 communes trouvées.");
    expect(resultsMessage(24, 10, "a")).toContain("24 communes trouvées, les 10 premières");
    expect(resultsMessage(0, 0, " ")).toBe("");
  });
});

describe("the list of communes without JavaScript", () => {
  it("groups communes under their folded initial", () => {
    const groups = communesByLetter(index);
    expect(groups.map((g) => g.letter)).toEqual(["A", "E", "S"]);
    expect(groups.find((g) => g.letter === "E")!.communes.map((c) => c.name)).toEqual(["Étienne"]);
  });
});
