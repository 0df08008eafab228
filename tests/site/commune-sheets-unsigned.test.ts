// communeSheets.withoutAgreement: data publishes the sheets of the communes of an EPCI without a signed
// CTG: their own figures beside the département, the région and France, nothing of their EPCI, which
// publishes nothing until it signs.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rmSync } from "node:fs";
import { communeFiles } from "../../src/downloads/portrait";
import { expandCommuneSheets } from "../../src/model/commune-sheets";
import type { CommuneSheetModel } from "../../src/model/types";
import { runPipeline, type PipelineResult } from "../../src/pipeline/run";
import { communeSheetView } from "../../src/site/commune-sheet";
import { copyDemo } from "../check/demo-copy";

const demo = copyDemo();
let pipeline: PipelineResult;
let sheets: CommuneSheetModel[];
beforeAll(async () => {
  demo.edit("config.yaml", (text) => `${text}\ncommuneSheets:\n  withoutAgreement: data\n`);
  pipeline = await runPipeline(demo.config, { buildDate: "2026-01-15" });
  sheets = expandCommuneSheets(pipeline.communeSheets(pipeline.territories.epcis.find((e) => !pipeline.portraits.find((p) => p.epci.code === e.code)!.epci.agreement.signed)!));
}, 120_000);
afterAll(() => rmSync(demo.dir, { recursive: true, force: true }));

describe("the commune sheets of an EPCI without CTG, when the configuration publishes them", () => {
  it("publish the commune's values beside the département's, the région's and France's, and nothing of its EPCI", () => {
    expect(sheets.length).toBeGreaterThan(3);
    for (const sheet of sheets) {
      expect(sheet.published).toBe(true);
      expect(sheet.themes.length).toBeGreaterThan(2);
      expect(sheet.territories.map((t) => t.level)).toEqual(["commune", "departement", "region", "france"]);
      for (const ind of Object.values(sheet.indicators)) {
        expect(ind.values.map((v) => v.level)).toEqual(["commune", "departement", "region", "france"]);
        expect(ind.comparisons.map((c) => c.level)).not.toContain("epci");
      }
      expect(communeFiles(sheet).csv.toString()).not.toContain(`;EPCI;${sheet.epci.code};`);
    }
    const largest = sheets.reduce((a, b) => (b.commune.population > a.commune.population ? b : a));
    expect(largest.indicators.population.values[0]).toMatchObject({ status: "ok", value: largest.commune.population });
  });

  it("draw the commune's age pyramid over the département's", () => {
    const view = communeSheetView(sheets[0], "/");
    expect(view.hasData).toBe(true);
    expect(view.pages).toHaveLength(2);
    const pyramid = view.pages[1].figure!;
    expect(pyramid.data).toContain(pipeline.territories.departement.name);
    expect(pyramid.alt).not.toContain(sheets[0].epci.name);
  });

  it("are left as a notice by default", async () => {
    const byDefault = await runPipeline("data/demo/config.yaml", { buildDate: "2026-01-15" });
    const unsigned = byDefault.territories.epcis.find((e) => e.code === sheets[0].epci.code)!;
    for (const sheet of expandCommuneSheets(byDefault.communeSheets(unsigned))) {
      expect(sheet.published).toBe(false);
      expect(Object.keys(sheet.indicators)).toEqual([]);
      expect(communeSheetView(sheet, "/").pages).toEqual([]);
    }
  });
});
