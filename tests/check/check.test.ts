// `npm run check` on broken copies of the demo: each bad input gets a located, actionable message.
import { describe, expect, it } from "vitest";
import { publicationOf } from "../../src/changes/publication";
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
});

describe("checks against the published site", () => {
  it("stops on a vintage older than the published one, and warns when a count falls", async () => {
    const result = await runPipeline("data/demo/config.yaml", { buildDate: DATE });
    const next = publicationOf(DATE, result.declarations.sources.values(), result.portraits);
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
});
