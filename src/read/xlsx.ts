// XLSX bytes → raw grid, with exceljs. Numbers stay numbers (no decimal mark to interpret);
// everything else becomes the text Excel shows, so that it is checked like a CSV value.
import type { CellValue, Worksheet } from "exceljs";
import { ReadError, quoteList } from "./errors";
import type { RawTable, RawValue } from "./raw";

const PREVIEW_ROWS = 30;

export async function readXlsx(bytes: Uint8Array, sheetName: string | undefined, headerRow: number, file: string): Promise<RawTable> {
  // Loaded on the first workbook: a third of a second that builds without one do not pay.
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its input as an ArrayBuffer: hand it a copy of exactly these bytes.
    await workbook.xlsx.load(bytes.slice().buffer);
  } catch {
    throw new ReadError({
      file,
      problem: "le fichier n'est pas un classeur Excel (.xlsx) lisible",
      hint: "vérifiez format (csv ou xlsx) dans la déclaration, ou ouvrez le fichier dans Excel et enregistrez-le au format .xlsx",
    });
  }
  const sheet = sheetName === undefined ? workbook.worksheets[0] : workbook.getWorksheet(sheetName);
  const names = workbook.worksheets.map((w) => w.name);
  if (!sheet)
    throw new ReadError({
      file,
      problem: sheetName === undefined ? "le classeur ne contient aucune feuille" : `la feuille « ${sheetName} » n'existe pas`,
      expected: `l'une des feuilles du classeur : ${quoteList(names)}`,
      hint: "corrigez sheet dans la déclaration (le nom exact de l'onglet)",
    });
  if (sheet.rowCount === 0)
    throw new ReadError({ file, problem: `la feuille « ${sheet.name} » est vide`, hint: "vérifiez que le bon fichier a été déposé, ou déclarez sheet" });
  if (sheet.rowCount < headerRow)
    throw new ReadError({
      file,
      problem: `la feuille « ${sheet.name} » n'a que ${sheet.rowCount} ligne(s) alors que l'en-tête est déclaré ligne ${headerRow}`,
      hint: "corrigez headerRow (numéro de la ligne des noms de colonnes)",
    });

  const header = rowValues(sheet, headerRow).map((v) => String(v ?? "").trim());
  const columns: RawValue[][] = header.map(() => []);
  const lines: number[] = [];
  // Sheet row numbers are exactly the line numbers Excel shows.
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const values = rowValues(sheet, r);
    lines.push(r);
    columns.forEach((col, c) => col.push(values[c] ?? ""));
  }
  const preview = Array.from({ length: Math.min(PREVIEW_ROWS, sheet.rowCount) }, (_, i) =>
    rowValues(sheet, i + 1).map((v) => String(v ?? "").trim()),
  );
  return { headerLine: headerRow, header, columns, lines, preview };
}

/** Values of a sheet row, by position (index 0 = column A). */
function rowValues(sheet: Worksheet, r: number): RawValue[] {
  const row = sheet.findRow(r);
  if (!row) return [];
  return Array.from({ length: row.cellCount }, (_, c) => rawValue(row.getCell(c + 1).value));
}

function rawValue(v: CellValue): string | number {
  if (v === null || v === undefined) return "";
  if (typeof v === "number" || typeof v === "string") return v;
  if (typeof v === "boolean") return v ? "VRAI" : "FAUX";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if ("richText" in v) return v.richText.map((part) => part.text).join("");
  if ("error" in v) return v.error;
  if ("hyperlink" in v) return rawValue(v.text as CellValue); // typed string, but rich text when formatted
  // A formula counts for its cached result. Without one (file never recalculated), show the
  // formula itself, so the error says what is in the cell.
  if (v.result === undefined) return `=${"sharedFormula" in v ? v.sharedFormula : v.formula}`;
  return rawValue(v.result);
}
