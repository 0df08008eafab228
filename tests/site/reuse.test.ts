import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { portraitKeyer, reusable } from "../../src/site/reuse";
import { portrait, siteModel as site } from "./fixtures";

const model = JSON.stringify(portrait);

describe("a portrait's reuse key", () => {
  it("is the same for the same code, site and model", () => {
    expect(portraitKeyer("code-1", site)(model)).toBe(portraitKeyer("code-1", structuredClone(site))(model));
  });

  it("changes with the code, the model, the page frame or what the blocks read of the site", () => {
    const key = portraitKeyer("code-1", site)(model);
    const others = [
      portraitKeyer("code-2", site)(model),
      portraitKeyer("code-1", site)(model.replace(portrait.epci.name, `${portrait.epci.name} bis`)),
      portraitKeyer("code-1", { ...site, build: { ...site.build, date: "2031-01-01" } })(model),
      portraitKeyer("code-1", { ...site, site: { ...site.site, publisher: "Autre GIP" } })(model),
      portraitKeyer("code-1", { ...site, epcis: site.epcis.map((e, i) => (i === 0 ? { ...e, agreement: { signed: !e.agreement.signed } } : e)) })(model),
      portraitKeyer("code-1", { ...site, groupLevelName: "Territoire d'action sociale" })(model),
    ];
    for (const other of others) expect(other).not.toBe(key);
  });

  it("is not moved by what no portrait page shows (the commune search list, the catalogue)", () => {
    const key = portraitKeyer("code-1", site)(model);
    expect(portraitKeyer("code-1", { ...site, communes: [], catalogue: [], sources: [] })(model)).toBe(key);
  });
});

describe("reusable portraits", () => {
  const published = join(mkdtempSync(join(tmpdir(), "portraits-reuse-")), "dist");
  const folder = (code: string, files: string[]) => {
    mkdirSync(join(published, "epci", code), { recursive: true });
    for (const f of files) writeFileSync(join(published, "epci", code, f), f);
  };
  folder("000000001", ["index.html", "donnees.csv", "donnees.json"]);
  folder("000000002", ["index.html", "donnees.csv"]); // a download lost since
  folder("000000003", ["index.html"]); // unsigned: a page only
  folder("000000004", ["index.html", "donnees.csv", "donnees.json"]);

  it("are those with the published key whose folder is complete", () => {
    const next = [
      { code: "000000001", key: "a", withData: true },
      { code: "000000002", key: "b", withData: true },
      { code: "000000003", key: "c", withData: false },
      { code: "000000004", key: "changed", withData: true },
      { code: "000000005", key: "e", withData: true },
    ];
    const keys = { "000000001": "a", "000000002": "b", "000000003": "c", "000000004": "d", "000000005": "e" };
    expect(next.filter(reusable("epci", keys, published)).map((p) => p.code)).toEqual(["000000001", "000000003"]);
    expect(next.filter(reusable("epci", undefined, published))).toEqual([]);
  });
});
