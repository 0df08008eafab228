// A commune sheet's page is the same whichever way it is made: by Astro under astro dev (no prepared
// folder), or, in a build, by a worker writing it into the frame Astro renders once, with its downloads.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { communeFiles } from "../../src/downloads/portrait";
import { expandCommuneSheets } from "../../src/model/commune-sheets";
import type { CommuneSheetsModel } from "../../src/model/types";
import { escapeHtml } from "../../src/format/text";
import { runPipeline } from "../../src/pipeline/run";
import { communeSheetPage, prepareSheets, sheetPageCodes } from "../../src/site/commune-sheet-page";
import { SHEET_FRAME_CODE } from "../../src/site/prepared";

const work = mkdtempSync(join(tmpdir(), "portraits-sheet-page-"));
let pack: CommuneSheetsModel;
let epci: string;
beforeAll(async () => {
  const pipeline = await runPipeline("data/demo/config.yaml", { buildDate: "2026-01-15" });
  const models = join(work, "models");
  mkdirSync(join(models, "communes"), { recursive: true });
  const signed = pipeline.territories.epcis.find((e) => pipeline.portraits.find((p) => p.epci.code === e.code)!.epci.agreement.signed)!;
  epci = signed.code;
  pack = pipeline.communeSheets(signed);
  writeFileSync(join(models, "site.json"), JSON.stringify(pipeline.site));
  writeFileSync(join(models, "communes", `${epci}.json`), JSON.stringify(pack));
  process.env.PORTRAITS_BUILD_DIR = models;
}, 120_000);
afterAll(() => {
  delete process.env.PORTRAITS_BUILD_DIR;
  delete process.env.PORTRAITS_PREPARED_DIR;
  rmSync(work, { recursive: true, force: true });
});

describe("a commune sheet's page", () => {
  it("is written by a worker into the frame exactly as astro dev renders it, with its downloads", () => {
    const models = expandCommuneSheets(pack);
    const alone = new Map(models.map((m) => [m.commune.code, communeSheetPage(m.commune.code)]));
    expect(alone.get(models[0].commune.code)!.title).toBe(models[0].commune.name);

    // In a build Astro renders only the frame, whose placeholders the worker fills.
    process.env.PORTRAITS_PREPARED_DIR = join(work, "prepared");
    expect(sheetPageCodes()).toEqual([SHEET_FRAME_CODE]);
    const frame = communeSheetPage(SHEET_FRAME_CODE);
    const sheets = join(work, "site", "commune");
    mkdirSync(join(sheets, SHEET_FRAME_CODE), { recursive: true });
    writeFileSync(join(sheets, SHEET_FRAME_CODE, "index.html"), `<!doctype html><html><head><title>${frame.title} — Site</title></head><body><main>${frame.html}</main></body></html>`);
    expect(prepareSheets(epci, sheets)).toBe(models.length);

    for (const model of models) {
      const { title, html } = alone.get(model.commune.code)!;
      const folder = join(sheets, model.commune.code);
      // The title escaped as Astro escapes it (L'Isle-Jourdain → L&#39;Isle-Jourdain).
      expect(readFileSync(join(folder, "index.html"), "utf8")).toBe(`<!doctype html><html><head><title>${escapeHtml(title)} — Site</title></head><body><main>${html}</main></body></html>`);
      const files = communeFiles(model);
      expect(readFileSync(join(folder, "donnees.csv"))).toEqual(Buffer.from(files.csv));
      expect(readFileSync(join(folder, "donnees.json"))).toEqual(Buffer.from(files.json));
    }
    expect(existsSync(join(sheets, models[0].commune.code, "fiche.pdf"))).toBe(false);
  });
});
