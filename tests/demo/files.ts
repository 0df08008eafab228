// Reading the demo files back as plain rows, independently of the read stage under test elsewhere.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";

export const DEMO_DIR = "data/demo";

export interface Table {
  header: string[];
  rows: string[][];
}

/** A CSV file decoded as declared: BOM stripped, header on `headerRow` (1-based). */
export function readCsv(relative: string, { encoding = "utf-8", headerRow = 1, dir = DEMO_DIR } = {}): Table {
  const text = readFileSync(join(dir, relative)).toString(encoding === "latin1" ? "latin1" : "utf8").replace(/^\uFEFF/, "");
  const lines = text.trimEnd().split("\n").slice(headerRow - 1).map((line) => line.split(";"));
  return { header: lines[0], rows: lines.slice(1) };
}

/** Column `name` of every row. */
export function column(table: Table, name: string): string[] {
  const i = table.header.indexOf(name);
  if (i < 0) throw new Error(`colonne ${name} absente`);
  return table.rows.map((row) => row[i]);
}

/** The cells of an XLSX sheet as rows (1-based columns dropped to 0-based). */
export async function readXlsx(relative: string, sheet?: string, dir = DEMO_DIR): Promise<{ name: string; rows: ExcelJS.CellValue[][]; types: ExcelJS.ValueType[][] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(join(dir, relative));
  const ws = sheet ? workbook.getWorksheet(sheet)! : workbook.worksheets[0];
  const rows: ExcelJS.CellValue[][] = [];
  const types: ExcelJS.ValueType[][] = [];
  ws.eachRow({ includeEmpty: true }, (row) => {
    const values: ExcelJS.CellValue[] = [];
    const kinds: ExcelJS.ValueType[] = [];
    for (let c = 1; c <= ws.columnCount; c++) {
      values.push(row.getCell(c).value);
      kinds.push(row.getCell(c).type);
    }
    rows.push(values);
    types.push(kinds);
  });
  return { name: ws.name, rows, types };
}
