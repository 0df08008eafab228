// Workbook bytes (.xlsx, .xls, .ods) → raw grid, with SheetJS (@e965/xlsx). Numbers stay numbers (no
// decimal mark to interpret); everything else becomes the text the spreadsheet shows, so that it is
// checked like a CSV value.
import type { CellObject, WorkBook, WorkSheet } from "@e965/xlsx";
import { strFromU8, unzipSync } from "fflate";
import { ReadError, quoteList } from "./errors";
import type { RawTable, RawValue } from "./raw";

const PREVIEW_ROWS = 30;
const ODS_MIMETYPE = "application/vnd.oasis.opendocument.spreadsheet";

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0]; // the compound file Excel 97-2003 writes
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const starts = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

export type WorkbookFormat = "xlsx" | "xls" | "ods";

/** Whether the first bytes may be a workbook's (OLE2 or zip), which only the whole file tells. */
export const mayBeWorkbook = (head: Uint8Array) => starts(head, OLE2) || starts(head, ZIP);

/** What the bytes really are, whatever the file is called: a workbook, another zip, or neither (text). */
export function workbookFormat(bytes: Uint8Array): WorkbookFormat | "zip" | undefined {
  if (starts(bytes, OLE2)) return "xls";
  if (!starts(bytes, ZIP)) return undefined;
  const names: string[] = [];
  let members: Record<string, Uint8Array>;
  try {
    // Only the names are listed (the central directory); only the tiny `mimetype` member is inflated.
    members = unzipSync(bytes, { filter: ({ name }) => (names.push(name), name === "mimetype") });
  } catch {
    return "zip";
  }
  if (members.mimetype && strFromU8(members.mimetype).trim() === ODS_MIMETYPE) return "ods";
  if (names.includes("[Content_Types].xml") && names.some((n) => n.startsWith("xl/"))) return "xlsx";
  return "zip";
}

/** The grid of a sheet (the first when `sheetName` is undefined) of a .xlsx, .xls or .ods workbook. */
export async function readWorkbook(bytes: Uint8Array, sheetName: string | undefined, headerRow: number, file: string): Promise<RawTable> {
  const unreadable = (detail = "") =>
    new ReadError({
      file,
      problem: `le fichier n'est pas un classeur (.xlsx, .xls ou .ods) lisible${detail}`,
      hint: "vérifiez format dans la déclaration, ou ouvrez le fichier dans le tableur et enregistrez-le au format .xlsx",
    });
  // SheetJS would read any text as a CSV: only workbooks are handed to it.
  const format = workbookFormat(bytes);
  if (format === undefined || format === "zip") throw unreadable();
  // Loaded on the first workbook: builds without one do not pay for it.
  const XLSX = await import("@e965/xlsx");
  let workbook: WorkBook;
  try {
    // dense: rows are arrays indexed by sheet row and column, whatever the used range; cellText off:
    // numbers are taken raw, not formatted; sheetStubs keeps a formula never calculated, which only
    // .xlsx can hold (elsewhere it would also keep every empty styled cell).
    const options = { dense: true, cellDates: true, cellHTML: false, cellText: false, sheetStubs: format === "xlsx" };
    workbook = XLSX.read(bytes, { ...options, sheets: sheetName ?? 0 });
  } catch (e) {
    throw unreadable(/password/i.test(String(e)) ? " : il est protégé par un mot de passe" : "");
  }
  const name = sheetName ?? workbook.SheetNames[0];
  const sheet: WorkSheet | undefined = name === undefined ? undefined : workbook.Sheets[name];
  if (!sheet)
    throw new ReadError({
      file,
      problem: sheetName === undefined ? "le classeur ne contient aucune feuille" : `la feuille « ${sheetName} » n'existe pas`,
      expected: `l'une des feuilles du classeur : ${quoteList(workbook.SheetNames)}`,
      hint: "corrigez sheet dans la déclaration (le nom exact de l'onglet)",
    });
  const rows: (CellObject | undefined)[][] = sheet["!data"] ?? [];
  if (rows.length === 0) throw new ReadError({ file, problem: `la feuille « ${name} » est vide`, hint: "vérifiez que le bon fichier a été déposé, ou déclarez sheet" });
  if (rows.length < headerRow)
    throw new ReadError({
      file,
      problem: `la feuille « ${name} » n'a que ${rows.length} ligne(s) alors que l'en-tête est déclaré ligne ${headerRow}`,
      hint: "corrigez headerRow (numéro de la ligne des noms de colonnes)",
    });
  // Each cell of a merged range shows its first cell's value, as it looks in the spreadsheet.
  for (const { s, e } of sheet["!merges"] ?? [])
    for (let r = s.r; r <= e.r; r++) for (let c = s.c; c <= e.c; c++) (rows[r] ??= [])[c] = rows[s.r]?.[s.c];

  const errorText = XLSX.utils.format_cell;
  const values = (r: number): RawValue[] => Array.from(rows[r] ?? [], (cell) => rawValue(cell, errorText));
  const header = values(headerRow - 1).map((v) => String(v).trim());
  const columns: RawValue[][] = header.map(() => []);
  const lines: number[] = [];
  // Sheet row numbers are exactly the line numbers the spreadsheet shows.
  for (let r = headerRow; r < rows.length; r++) {
    const row = rows[r] ?? [];
    lines.push(r + 1);
    columns.forEach((col, c) => col.push(rawValue(row[c], errorText)));
  }
  const preview = Array.from({ length: Math.min(PREVIEW_ROWS, rows.length) }, (_, r) => values(r).map((v) => String(v).trim()));
  return { headerLine: headerRow, header, columns, lines, preview, sheet: name };
}

function rawValue(cell: CellObject | undefined, errorText: (cell: CellObject) => string): string | number {
  switch (cell?.t) {
    case "n":
    case "s":
      return cell.v as number | string;
    case "b":
      return cell.v ? "VRAI" : "FAUX";
    case "d":
      return (cell.v as Date).toISOString().slice(0, 10);
    case "e":
      return errorText(cell); // #DIV/0!, #N/A…
    default:
      // An empty cell, or a formula whose result was never stored (file never recalculated): then the
      // formula itself, so that the error says what is in the cell. Otherwise a formula counts for its result.
      return cell?.f ? `=${cell.f}` : "";
  }
}
