// The three workbook formats partners send, written here by SheetJS itself and read through readSource.
import * as XLSX from "@e965/xlsx";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readSource } from "../../src/read";
import { makeSource, readError, readErrors, tempDir } from "./helpers";

type Format = "xlsx" | "xls" | "ods";
const FORMATS: Format[] = ["xlsx", "xls", "ods"];
const HEADER = ["CODGEO", "LIBGEO", "NB_ALLOC", "TAUX"];
const DATA = [
  [1001, "L'Abergement-Clémenciat", 120, 12.5], // code typed as a number: leading zero lost by the spreadsheet
  ["2A004", "Ajaccio", "s", 45.25],
  [], // a blank row: skipped, and the rows below keep their numbers
  ["32013", "Auch", null, 3], // an empty cell
];

/** The bytes of a workbook: a "Notes" sheet first, then "Données" with `rows` from `origin`, as SheetJS writes `format`. */
function book(format: Format, rows: unknown[][], { origin = "A1", merges = [] as string[] } = {}): Buffer {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([["Données fictives pour les tests"]]), "Notes");
  const sheet = XLSX.utils.sheet_add_aoa({}, rows, { origin });
  sheet["!merges"] = merges.map((range) => XLSX.utils.decode_range(range));
  XLSX.utils.book_append_sheet(wb, sheet, "Données");
  return XLSX.write(wb, { type: "buffer", bookType: format === "xls" ? "biff8" : format, compression: true });
}

const declared = (format: Format, fields: Record<string, unknown> = {}) =>
  makeSource({ file: `caf.${format}`, format, sheet: "Données", headerRow: 3, columns: { alloc: "NB_ALLOC", taux: "TAUX" }, ...fields });

/** The rows read: code, sheet row, then the two variables' cells. */
const rowsOf = async (source: ReturnType<typeof declared>, dir: string) =>
  (await readSource(source, dir)).rows.map((r) => [r.code, r.line, r.cells.alloc, r.cells.taux]);

/** Every error of a read, as [sheet row, column name and position, value found]. */
async function errorsOf(source: ReturnType<typeof declared>, dir: string) {
  const { errors } = await readSource(source, dir).catch((e) => e);
  return errors.map((e: { line: number; column: { name: string; index: number }; found: string }) => [e.line, e.column, e.found]);
}

describe.each(FORMATS)("readSource, .%s written by SheetJS", (format) => {
  const file = `caf.${format}`;

  it("reads a named sheet whose header comes after title rows: codes, numbers, markers, empty cells", async () => {
    const dir = tempDir({ [file]: book(format, [["Allocataires au 31 décembre 2023"], [], HEADER, ...DATA]) });
    expect(await rowsOf(declared(format), dir)).toEqual([
      ["01001", 4, { status: "ok", value: 120 }, { status: "ok", value: 12.5 }],
      ["2A004", 5, { status: "secret" }, { status: "ok", value: 45.25 }],
      ["32013", 7, { status: "missing" }, { status: "ok", value: 3 }],
    ]);
  });

  it("reads a header on row 1 of the first sheet when no sheet is declared", async () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([HEADER, ...DATA]), "Feuil1");
    const dir = tempDir({ [file]: XLSX.write(wb, { type: "buffer", bookType: format === "xls" ? "biff8" : format }) });
    const rows = await rowsOf(declared(format, { sheet: undefined, headerRow: 1 }), dir);
    expect(rows.map(([code, line]) => [code, line])).toEqual([
      ["01001", 2],
      ["2A004", 3],
      ["32013", 5],
    ]);
  });

  it("keeps the sheet's row and column numbers when the used range starts at B5", async () => {
    const dir = tempDir({ [file]: book(format, [HEADER, ["32013", "Auch", 5, "abc"]], { origin: "B5" }) });
    expect(await errorsOf(declared(format, { headerRow: 5 }), dir)).toEqual([[6, { name: "TAUX", index: 5 }, "abc"]]);
  });

  it("shows dates, booleans and errors as the spreadsheet does, and counts a formula for its result", async () => {
    const date = { t: "n", v: 45292, z: "dd/mm/yyyy" }; // 1 January 2024, as spreadsheets store dates
    const error = format === "ods" ? "" : { t: "e", v: 0x07 }; // SheetJS writes no error cell to .ods
    const rows = [HEADER, ["32013", "Auch", date, { t: "b", v: true }], ["32160", "L'Isle-Jourdain", { t: "n", v: 240, f: "2*120" }, error]];
    const dir = tempDir({ [file]: book(format, rows) });
    expect(await errorsOf(declared(format, { headerRow: 1 }), dir)).toEqual([
      [2, { name: "NB_ALLOC", index: 3 }, "2024-01-01"],
      [2, { name: "TAUX", index: 4 }, "VRAI"],
      ...(format === "ods" ? [] : [[3, { name: "TAUX", index: 4 }, "#DIV/0!"]]),
    ]);
  });

  it("gives each cell of a merged range the range's value, as the spreadsheet shows it", async () => {
    const dir = tempDir({ [file]: book(format, [HEADER, ["32013", "Auch", 5, 12.5], ["32160", "L'Isle-Jourdain", 6]], { merges: ["D2:D3"] }) });
    const rows = await rowsOf(declared(format, { headerRow: 1 }), dir);
    expect(rows.map(([code, , , taux]) => [code, taux])).toEqual([
      ["32013", { status: "ok", value: 12.5 }],
      ["32160", { status: "ok", value: 12.5 }],
    ]);
  });

  it("reports a sheet that does not exist, listing the workbook's sheets", async () => {
    const error = await readError(declared(format, { sheet: "Donnees" }), tempDir({ [file]: book(format, [HEADER]) }));
    expect(error.message).toContain("la feuille « Donnees » n'existe pas");
    expect(error.message).toContain("« Notes », « Données »");
  });

  it("reports a header row below the sheet's last row", async () => {
    const error = await readError(declared(format, { headerRow: 9 }), tempDir({ [file]: book(format, [HEADER, ["32013", "Auch", 5, 1]]) }));
    expect(error.message).toContain("la feuille « Données » n'a que 2 ligne(s) alors que l'en-tête est déclaré ligne 9");
  });

  it("points to the header's row when it is declared on another one", async () => {
    const { errors } = await readErrors(declared(format), tempDir({ [file]: book(format, [["Titre"], HEADER, ["32013", "Auch", 5, 1]]) }));
    expect(errors[0].hint).toContain("les noms de colonnes semblent être ligne 2 : déclarez headerRow: 2");
  });
});

describe("the declared format against the file's real kind", () => {
  const cases: [Format, string, string][] = [
    ["xls", "xlsx", "le fichier est un classeur Excel 97-2003 (.xls), pas un classeur Excel (.xlsx) comme déclaré (format: xlsx)"],
    ["ods", "xlsx", "le fichier est un classeur OpenDocument (.ods, LibreOffice), pas un classeur Excel (.xlsx) comme déclaré (format: xlsx)"],
    ["xlsx", "ods", "le fichier est un classeur Excel (.xlsx), pas un classeur OpenDocument (.ods, LibreOffice) comme déclaré (format: ods)"],
    ["xlsx", "xls", "le fichier est un classeur Excel (.xlsx), pas un classeur Excel 97-2003 (.xls) comme déclaré (format: xls)"],
    ["xlsx", "csv", "le fichier est un classeur Excel (.xlsx), pas un fichier CSV comme déclaré (format: csv)"],
    ["xls", "csv", "le fichier est un classeur Excel 97-2003 (.xls), pas un fichier CSV comme déclaré (format: csv)"],
    ["ods", "csv", "le fichier est un classeur OpenDocument (.ods, LibreOffice), pas un fichier CSV comme déclaré (format: csv)"],
  ];
  it.each(cases)("a .%s declared %s: names the file and the format to declare", async (real, format, problem) => {
    const dir = tempDir({ "partenaire.dat": book(real, [HEADER]) });
    const error = await readError(makeSource({ file: "partenaire.dat", format }), dir);
    expect(error).toMatchObject({ file: join(dir, "partenaire.dat"), problem, hint: `déclarez format: ${real}` });
  });

  it("a text file declared as a workbook: says to declare csv", async () => {
    const error = await readError(declared("xls"), tempDir({ "caf.xls": "CODGEO;NB_ALLOC\n32013;5\n" }));
    expect(error.problem).toBe("le fichier n'est pas un classeur Excel 97-2003 (.xls) : il n'est d'aucun format de classeur (.xlsx, .xls, .ods)");
    expect(error.hint).toContain("déclarez format: csv");
  });
});
