// The template as a workbook to fill: .xlsx written by exceljs, which writes cell validation
// (SheetJS community edition does not), .ods by SheetJS, which writes OpenDocument (exceljs does
// not); the .ods carries the rules in its header notes and its « Notice » sheet. Both are written
// from the same rows, with fixed dates: the same template gives the same bytes.
import type { Template } from "./template";
import { headerNote, noticeRows } from "./notice";
import { pinZipDates } from "./pinned-zip";

/** A filled cell: a number, the secret marker, or nothing (not transmitted). */
export type FilledValue = number | string | null;

export type TemplateFormat = "xlsx" | "ods";

/** Fixed workbook properties: a template must not change from one run to the next. */
const STAMP = new Date(Date.UTC(2024, 0, 1, 0, 0, 0));
const AUTHOR = "Portraits de territoire";

/** The « Communes » sheet's rows: header, then each territory with its help columns and its values (`filled[r]`, by variable). */
function dataRows(t: Template, filled?: FilledValue[][]): (string | number | null)[][] {
  const variables = t.columns.filter((c) => c.variable).length;
  return [
    t.columns.map((c) => c.name),
    ...t.rows.map((row, r) => [row.code, row.name, ...(t.level === "commune" ? [row.epci ?? ""] : []), ...(filled?.[r] ?? Array<FilledValue>(variables).fill(null))]),
  ];
}

/** The template's bytes in `format`; `filled` gives the values (the demo, the tests: a partner's answer). */
export async function templateWorkbook(t: Template, format: TemplateFormat, filled?: FilledValue[][]): Promise<Uint8Array> {
  return pinZipDates(format === "xlsx" ? await xlsx(t, filled) : await ods(t, filled));
}

/** Index of the first variable column (0-based), after the code and help columns. */
const firstVariable = (t: Template) => t.columns.findIndex((c) => c.variable !== undefined);

async function xlsx(t: Template, filled?: FilledValue[][]): Promise<Uint8Array> {
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  Object.assign(workbook, { creator: AUTHOR, lastModifiedBy: AUTHOR, created: STAMP, modified: STAMP });
  const sheet = workbook.addWorksheet(t.sheet, { views: [{ state: "frozen", ySplit: 1 }] });
  for (const row of dataRows(t, filled)) sheet.addRow(row);
  sheet.getRow(1).font = { bold: true };
  sheet.getColumn(1).numFmt = "@"; // codes stay text: 01001 keeps its zero
  const first = firstVariable(t);
  t.columns.forEach((c, i) => {
    sheet.getColumn(i + 1).width = i === 1 ? 36 : Math.min(40, Math.max(14, c.name.length + 2));
    if (c.variable) sheet.getCell(1, i + 1).note = headerNote(t, c);
  });
  if (t.rows.length > 0 && first >= 0) {
    const [from, to] = [sheet.getCell(2, first + 1).address, sheet.getCell(t.rows.length + 1, t.columns.length).address];
    // One rule for the whole range (exceljs has it, its types do not), its formula relative to the range's first cell.
    const { dataValidations } = sheet as unknown as { dataValidations: { add(range: string, rule: import("exceljs").DataValidation): void } };
    dataValidations.add(`${from}:${to}`, {
      type: "custom",
      allowBlank: true,
      formulae: [`OR(AND(ISNUMBER(${from}),${from}>=0),${from}="${t.secret}")`],
      showErrorMessage: true,
      errorStyle: "stop",
      errorTitle: "Valeur refusée",
      error: `Un nombre supérieur ou égal à 0, « ${t.secret} » pour un effectif de 1 à 4, ou rien si la donnée n'est pas transmise.`,
    });
  }
  const notice = workbook.addWorksheet("Notice");
  for (const row of noticeRows(t)) notice.addRow(row);
  notice.getColumn(1).width = 36;
  notice.getColumn(2).width = 70;
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

async function ods(t: Template, filled?: FilledValue[][]): Promise<Uint8Array> {
  const XLSX = await import("@e965/xlsx");
  const workbook = XLSX.utils.book_new();
  const sheet = XLSX.utils.aoa_to_sheet(dataRows(t, filled));
  t.columns.forEach((c, i) => {
    const cell = sheet[XLSX.utils.encode_cell({ r: 0, c: i })];
    if (c.variable) cell.c = Object.assign([{ a: AUTHOR, t: headerNote(t, c) }], { hidden: true });
  });
  sheet["!cols"] = t.columns.map((c, i) => ({ wch: i === 1 ? 36 : Math.min(40, Math.max(14, c.name.length + 2)) }));
  XLSX.utils.book_append_sheet(workbook, sheet, t.sheet);
  XLSX.utils.book_append_sheet(workbook, XLSX.utils.aoa_to_sheet(noticeRows(t)), "Notice");
  workbook.Props = { Author: AUTHOR, CreatedDate: STAMP, ModifiedDate: STAMP };
  return XLSX.write(workbook, { type: "buffer", bookType: "ods", compression: true });
}
