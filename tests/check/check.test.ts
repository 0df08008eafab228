// `npm run check` on broken copies of the demo: each bad input gets a located, actionable message.
import { describe, expect, it } from "vitest";
import { publicationOf, territoryOf } from "../../src/changes/publication";
import { checkAgainstPublished } from "../../src/changes/checks";
import { checkConfiguration } from "../../src/pipeline/check";
import { runPipeline } from "../../src/pipeline/run";
import type { Finding } from "../../src/quality/findings";
import { copyDemo } from "./demo-copy";

const DATE = "2026-01-15";
const errors = (findings: Finding[]) => findings.filter((f) => f.severity === "error");
const check = (config: string) => checkConfiguration(config, "/nonexistent-site", DATE);

describe("npm run check", () => {
  it("passes the demo as it is, with no error", async () => {
    expect(errors(await check("data/demo/config.yaml"))).toEqual([]);
  });

  it("names a wrong separator, and still reports the other files' problems", async () => {
    const demo = copyDemo();
    demo.edit("caf/caf_allocataires_2023.csv", (t) => t.replaceAll(";", ","));
    demo.edit("insee/filosofi_2020.csv", (t) => t.replace("NBMENFISC20", "NBMENFISC"));
    const found = errors(await check(demo.config));
    expect(found.some((f) => f.file?.endsWith("caf_allocataires_2023.csv") && /séparateur/.test(f.message))).toBe(true);
    expect(found.some((f) => f.file?.endsWith("filosofi_2020.csv") && /NBMENFISC20/.test(f.message))).toBe(true);
  });

  it("names a wrong encoding and says which to declare", async () => {
    const demo = copyDemo();
    demo.edit("sources.yaml", (t) => t.replace(/encoding: latin1/, "encoding: utf-8"));
    const [error] = errors(await check(demo.config));
    expect(error.message).toMatch(/filosofi_2020\.csv/);
    expect(error.message).toMatch(/latin1/);
  });

  it("locates text in a numeric column and duplicated rows by line and column", async () => {
    const demo = copyDemo();
    demo.edit("caf/caf_allocataires_2023.csv", (t) => {
      const lines = t.split("\n");
      const cells = lines[2].split(";");
      cells[4] = "douze"; // NB_ALLOC
      lines[2] = cells.join(";");
      lines.splice(5, 0, lines[4]);
      return lines.join("\n");
    });
    const found = errors(await check(demo.config)).map((f) => f.message);
    expect(found.some((m) => /ligne 3, colonne NB_ALLOC \(5\) : « douze » n'est pas un nombre/.test(m))).toBe(true);
    expect(found.some((m) => /ligne 6, colonne Code_geo \(3\) : le territoire « 00004 » \(niveau commune\) apparaît deux fois, lignes 5 et 6/.test(m))).toBe(true);
  });

  it("warns about an unknown or obsolete commune code with its line, and the commune left without data", async () => {
    const demo = copyDemo();
    demo.edit("caf/caf_allocataires_2023.csv", (t) => t.replace(";COMMUNE;00002;", ";COMMUNE;00999;"));
    const findings = await check(demo.config);
    expect(errors(findings)).toEqual([]);
    const unknown = findings.find((f) => f.rule === "coverage-unknown")!;
    expect(unknown).toMatchObject({ severity: "warning", line: 3, territory: "00999" });
    expect(unknown.hint).toMatch(/communeChanges/);
    expect(findings.find((f) => f.rule === "coverage-missing")?.message).toMatch(/00002/);
  });

  it("stops on a rate above 100 % computed within one file", async () => {
    const demo = copyDemo();
    // In the census file, make a commune's unemployed outnumber its active population.
    demo.edit("insee/base_cc_rp_2021.csv", (t) => {
      const lines = t.split("\n");
      const header = lines[0].replace(/^\uFEFF/, "").split(";");
      const [act, chom] = [header.indexOf("P21_ACT1564"), header.indexOf("P21_CHOM1564")];
      const cells = lines[5].split(";");
      cells[chom] = String(Number(cells[act].replace(",", ".")) * 2).replace(".", ",");
      lines[5] = cells.join(";");
      return lines.join("\n");
    });
    const bound = errors(await check(demo.config)).find((f) => f.rule === "bounds-share");
    expect(bound?.message).toMatch(/Taux de chômage.*dépasse 100\u00A0%|dépasse 100 %/);
  });

  it("stops on a commune population above France's, naming the file, the column and the line", async () => {
    const demo = copyDemo();
    demo.edit("insee/base_cc_rp_2021.csv", (t) => {
      const lines = t.split("\n");
      const pop = lines[0].replace(/^\uFEFF/, "").split(";").indexOf("P21_POP");
      const cells = lines[7].split(";");
      cells[pop] = "99999999999";
      lines[7] = cells.join(";");
      return lines.join("\n");
    });
    const implausible = errors(await check(demo.config)).filter((f) => f.rule === "implausible-count");
    expect(implausible).toHaveLength(1);
    expect(implausible[0].file).toMatch(/base_cc_rp_2021\.csv$/);
    expect(implausible[0].message).toMatch(/^colonne P21_POP : ligne 8 : 99\u202F999\u202F999\u202F999 — plus que la population de toute la France/);
  });
});

describe("checks against the published site", () => {
  it("stops on a vintage older than the published one, and warns when a count falls", async () => {
    const result = await runPipeline("data/demo/config.yaml", { buildDate: DATE });
    const next = publicationOf(DATE, territoryOf(result.declarations.config), result.declarations.sources.values(), result.portraits);
    const published = structuredClone(next);
    published.sources["caf"].vintage = "2024";
    const [code] = Object.keys(published.values).filter((c) => published.values[c].population?.status === "ok");
    published.values[code].population.value! *= 1.5;
    const findings = checkAgainstPublished(published, next);
    expect(findings.find((f) => f.rule === "vintage-older")).toMatchObject({ severity: "error" });
    expect(findings.find((f) => f.rule === "vintage-older")?.message).toMatch(/2023.*plus ancien.*2024/);
    expect(findings.find((f) => f.rule === "count-falls" && f.territory === code)).toMatchObject({ severity: "warning", indicator: "population" });
    expect(checkAgainstPublished(next, next)).toEqual([]);
  });

  it("stops on a value a hundred times the published one, in either direction", async () => {
    const result = await runPipeline("data/demo/config.yaml", { buildDate: DATE });
    const next = publicationOf(DATE, territoryOf(result.declarations.config), result.declarations.sources.values(), result.portraits);
    const published = structuredClone(next);
    const [up, down] = Object.keys(published.values).filter((c) => published.values[c].densite?.status === "ok");
    published.values[up].densite.value! /= 150;
    published.values[down].densite.value! *= 99; // less than a hundred times: not a jump
    const jumps = checkAgainstPublished(published, next).filter((f) => f.rule === "value-jump");
    expect(jumps).toEqual([expect.objectContaining({ severity: "error", territory: up, indicator: "densite" })]);
    expect(jumps[0].message).toMatch(/passe de .* à .* \(150 fois plus\)/);
  });

  it("recognises another configuration's site, from its département or, in an older record, from its EPCIs", async () => {
    const result = await runPipeline("data/demo/config.yaml", { buildDate: DATE });
    const next = publicationOf(DATE, territoryOf(result.declarations.config), result.declarations.sources.values(), result.portraits);
    const gers = { ...structuredClone(next), territory: { name: "Portraits du Gers", departement: "32" } };
    const [other] = checkAgainstPublished(gers, next);
    expect(other).toMatchObject({ rule: "other-site", severity: "error" });
    expect(other.message).toMatch(/contient déjà le site « Portraits du Gers » \(département 32\), pas celui de cette configuration/);
    expect(other.hint).toMatch(/--out .*--force/);
    const older = { ...structuredClone(next), territory: undefined, epcis: { "200066926": { name: "CA Grand Auch Cœur de Gascogne", signed: true } } };
    expect(checkAgainstPublished(older, next)[0].message).toMatch(/le site d'autres intercommunalités \(CA Grand Auch Cœur de Gascogne\)/);
    expect(checkAgainstPublished({ ...structuredClone(next), territory: undefined }, next)).toEqual([]);
  });
});
