import { copyFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { configSchema } from "../../src/declare/schemas";
import { loadTerritories } from "../../src/territories/load";
import { fixtures } from "./helpers";

const base = { name: "Test", publisher: "GIP", dataDir: "data", sources: "sources.yaml", plan: "plan.yaml" };

describe("loadTerritories", () => {
  it("dispatches to the decoupage package", () => {
    const config = configSchema.parse({ ...base, departement: "32", territories: { from: "decoupage-administratif" } });
    expect(loadTerritories(config, "/nowhere").territories.epcis).toHaveLength(15);
  });

  it("reads files and groups relative to the configuration's folder", () => {
    const dir = mkdtempSync(join(tmpdir(), "config-"));
    for (const f of ["communes.csv", "epcis.csv", "groups.csv", "changes.csv"]) copyFileSync(join(fixtures, f), join(dir, f));
    const config = configSchema.parse({
      ...base,
      departement: "99",
      territories: { from: "files", communes: "communes.csv", epcis: "epcis.csv", departement: { code: "99", name: "Fictif" }, region: { code: "99", name: "R" }, cogVintage: "fictif" },
      groups: { name: "MDS", file: "groups.csv" },
      communeChanges: "changes.csv",
    });
    const { territories, warnings } = loadTerritories(config, dir);
    expect(territories.groups!.items.map((g) => g.code)).toEqual(["MDS1", "MDS2"]);
    expect(territories.communes.every((c) => c.group)).toBe(true);
    expect(warnings).toHaveLength(1);
  });

  it("lets only a fictional configuration have commune codes outside its département's prefix", () => {
    const dir = mkdtempSync(join(tmpdir(), "config-"));
    copyFileSync(join(fixtures, "epcis.csv"), join(dir, "epcis.csv"));
    writeFileSync(join(dir, "communes.csv"), "code;nom;epci;population;superficie\n00001;A;200000001;10;1\n01000;B;200000002;10;1\n");
    const config = (fictional: boolean) =>
      configSchema.parse({
        ...base,
        fictional,
        departement: "00",
        territories: { from: "files", communes: "communes.csv", epcis: "epcis.csv", departement: { code: "00", name: "Fictif" }, region: { code: "00", name: "R" }, cogVintage: "fictif" },
      });
    expect(loadTerritories(config(true), dir).territories.communes.map((c) => c.code)).toEqual(["00001", "01000"]);
    expect(() => loadTerritories(config(false), dir)).toThrow(/la commune 01000 n'est pas dans le département 00/);
  });

  it("refuses a referential of another département", () => {
    const config = configSchema.parse({
      ...base,
      departement: "32",
      territories: { from: "files", communes: join(fixtures, "communes.csv"), epcis: join(fixtures, "epcis.csv"), departement: { code: "99", name: "F" }, region: { code: "99", name: "R" }, cogVintage: "f" },
    });
    expect(() => loadTerritories(config, "/")).toThrow(/département 99, la configuration le 32/);
  });
});
