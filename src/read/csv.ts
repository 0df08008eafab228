// CSV text → raw grid, with arquero. Every value stays a string (autoType: false): type inference
// would turn "01001" into 1001 and, past its first 1,000 rows, "2A004" into NaN.
import { fromCSV } from "arquero";
import { ReadError } from "./errors";
import type { RawTable, RawValue } from "./raw";

const SEPARATORS = [";", ",", "\t", "|"];
const PREVIEW_LINES = 30;

export function readCsv(text: string, separator: string, headerRow: number, file: string): RawTable {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.at(-1) === "") lines.pop(); // final newline
  if (lines.every((l) => l.trim() === ""))
    throw new ReadError({ file, problem: "le fichier est vide", hint: "vérifiez que le bon fichier a été déposé : il doit contenir une ligne d'en-tête puis une ligne par territoire" });
  if (lines.length < headerRow)
    throw new ReadError({
      file,
      problem: `le fichier n'a que ${lines.length} ligne(s) alors que l'en-tête est déclaré ligne ${headerRow}`,
      hint: "corrigez headerRow (numéro de la ligne des noms de colonnes)",
    });

  const table = fromCSV(text, { delimiter: separator, header: true, skip: headerRow - 1, autoType: false });
  const names = table.columnNames();
  if (names.length === 1) checkSeparator(lines[headerRow - 1], separator, headerRow, file);

  // arquero keeps blank lines as rows (all empty), so data row i is on line headerRow + 1 + i.
  // A quoted field spanning several lines would shift this; producers' files have none.
  const count = table.numRows();
  return {
    headerLine: headerRow,
    header: names.map((n) => n.trim()),
    // arquero turns empty fields into null; undefined means the row stopped short.
    columns: names.map((n) => emptyForNull(table.array(n) as (RawValue | null)[])),
    lines: Array.from({ length: count }, (_, i) => headerRow + 1 + i),
    preview: lines.slice(0, PREVIEW_LINES).map((l) => l.split(separator).map((f) => f.trim().replace(/^"(.*)"$/, "$1"))),
  };
}

/** The column arquero made for us, its nulls replaced in place (files have millions of cells). */
function emptyForNull(column: (RawValue | null)[]): RawValue[] {
  for (let r = 0; r < column.length; r++) if (column[r] === null) column[r] = "";
  return column as RawValue[];
}

/** A header read as a single column that contains another separator: the declared separator is wrong. */
function checkSeparator(headerLine: string, declared: string, line: number, file: string): void {
  const counts = SEPARATORS.filter((s) => s !== declared).map((s) => ({ s, n: headerLine.split(s).length - 1 }));
  const best = counts.sort((a, b) => b.n - a.n)[0];
  if (best.n === 0) return;
  throw new ReadError({
    file,
    line,
    found: headerLine,
    problem: `l'en-tête ne forme qu'une seule colonne, qui contient des ${show(best.s)}`,
    expected: `des colonnes séparées par ${show(declared)}`,
    hint: `vérifiez le séparateur déclaré (separator: ${yaml(declared)}) : ce fichier semble séparé par ${show(best.s)}, déclarez separator: ${yaml(best.s)}`,
  });
}

const show = (s: string) => (s === "\t" ? "tabulations" : `« ${s} »`);
const yaml = (s: string) => (s === "\t" ? '"\\t"' : `'${s}'`);
