import ExcelJS from "exceljs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readSource } from "../../src/read";
import { makeSource, readError, tempDir } from "./helpers";

/** Writes caf.xlsx: a "Notes" sheet first (unless notes: false), then "Données" with a title row above the header. */
async function workbook(rows: unknown[][], { notes = true } = {}): Promise<string> {
  const dir = tempDir();
  const wb = new ExcelJS.Workbook();
  if (notes) wb.addWorksheet("Notes").addRow(["Données fictives pour les tests"]);
  const sheet = wb.addWorksheet("Données");
  sheet.addRow(["Allocataires au 31 décembre 2023"]);
  sheet.addRow(["CODGEO", "LIBGEO", "NB_ALLOC", "TAUX"]);
  for (const row of rows) sheet.addRow(row);
  await wb.xlsx.writeFile(join(dir, "caf.xlsx"));
  return dir;
}

const declared = (fields: Record<string, unknown> = {}) =>
  makeSource({ file: "caf.xlsx", format: "xlsx", sheet: "Données", headerRow: 2, columns: { alloc: "NB_ALLOC", taux: "TAUX" }, ...fields });

describe("readSource, XLSX", () => {
  it("reads numeric and text codes, numbers, text numbers, markers and formula results", async () => {
    const dir = await workbook([
      [1001, "L'Abergement-Clémenciat", 120, 12.5], // code typed as a number: leading zero lost by Excel
      ["2A004", "Ajaccio", "1 234", "45,2"], // numbers typed as text, French style
      [32013, "Auch", { formula: "C3*2", result: 240 }, "s"],
      ["32160", { richText: [{ text: "L'Isle-" }, { text: "Jourdain" }] }, null, { richText: [{ text: "s" }] }],
    ]);
    const table = await readSource(declared(), dir);
    expect(table.rows.map((r) => [r.code, r.line, r.cells.alloc, r.cells.taux])).toEqual([
      ["01001", 3, { status: "ok", value: 120 }, { status: "ok", value: 12.5 }],
      ["2A004", 4, { status: "ok", value: 1234 }, { status: "ok", value: 45.2 }],
      ["32013", 5, { status: "ok", value: 240 }, { status: "secret" }],
      ["32160", 6, { status: "missing" }, { status: "secret" }],
    ]);
  });

  it("pads numeric codes only for communes (EPCI SIREN numbers have no leading zero to restore)", async () => {
    const dir = await workbook([[200066926, "CA Grand Auch", 5, 1]]);
    const table = await readSource(declared({ code: { column: "CODGEO", level: "epci" } }), dir);
    expect(table.rows[0]).toMatchObject({ level: "epci", code: "200066926" });
  });

  it("reads the first sheet when none is declared", async () => {
    const dir = await workbook([["32013", "Auch", 5, 1]], { notes: false });
    const table = await readSource(declared({ sheet: undefined }), dir);
    expect(table.rows.map((r) => r.code)).toEqual(["32013"]);
  });

  it("reports a sheet that does not exist, listing the workbook's sheets", async () => {
    const error = await readError(declared({ sheet: "Donnees" }), await workbook([]));
    expect(error.message).toContain("la feuille « Donnees » n'existe pas");
    expect(error.message).toContain("« Notes », « Données »");
  });

  it("reports dates and formulas without a stored result, with their Excel row and column", async () => {
    const dir = await workbook([
      ["32013", "Auch", new Date(Date.UTC(2024, 0, 1)), 1],
      ["32160", "L'Isle-Jourdain", 5, { formula: "C3/0" }],
    ]);
    const { errors } = await readSource(declared(), dir).catch((e) => e);
    expect(errors.map((e: { line: number; column: unknown; found: string }) => [e.line, e.column, e.found])).toEqual([
      [3, { name: "NB_ALLOC", index: 3 }, "2024-01-01"],
      [4, { name: "TAUX", index: 4 }, "=C3/0"],
    ]);
  });

  it("reports a file that is not a workbook", async () => {
    const dir = tempDir({ "caf.xlsx": "CODGEO;NB_ALLOC\n32013;5\n" });
    const error = await readError(declared(), dir);
    expect(error.message).toContain("le fichier n'est pas un classeur Excel (.xlsx) : il n'est d'aucun format de classeur");
  });
});
