// A filled template read as the partner sent it: a total row added at the bottom is left out, and
// a variable column renamed by hand is taken at its place in the template. Both are said, with the
// cell as the spreadsheet shows it, so that the GIP can check.
import type { Source } from "../declare/schemas";
import { cellName } from "../read/cell";
import type { RawTable, RawValue } from "../read/raw";
import { levelOf, templateColumns } from "./template";

export interface ReceivedNote {
  /** Sheet row (or CSV line) of the note. */
  line: number;
  /** Where, as the spreadsheet shows it (Communes!A452), or the line of a CSV. */
  where: string;
  message: string;
}

const TOTAL = /^(total|totaux|ensemble|somme|tous|toutes|département|departement)\b/i;
const text = (v: RawValue) => String(v ?? "").trim();

/** `raw` without its total row and with renamed columns named back, and what was done. */
export function adaptReceived(raw: RawTable, source: Source): { raw: RawTable; notes: ReceivedNote[] } {
  const notes: ReceivedNote[] = [];
  const where = (column: number, line: number) => (raw.sheet ? cellName(raw.sheet, column, line) : `ligne ${line}, colonne ${column}`);
  const columns = templateColumns(source);
  const known = new Set(columns.map((c) => c.name));
  const header = [...raw.header];
  columns.forEach((c, i) => {
    const found = header[i];
    if (!c.variable || header.includes(c.name) || found === undefined || found === "" || known.has(found) || raw.columns[i] === undefined) return;
    header[i] = c.name;
    notes.push({ line: raw.headerLine, where: where(i + 1, raw.headerLine), message: `la colonne « ${found} » est lue comme « ${c.name} », à sa place dans le modèle : vérifiez qu'elle donne bien cette donnée, et gardez les noms du modèle` });
  });
  const codePos = header.indexOf(source.code.column);
  const codes = raw.columns[codePos];
  // The last non-blank row, if its code cell says it is a total (or is empty beside numbers).
  let last = raw.lines.length - 1;
  while (last >= 0 && raw.columns.every((col) => col === undefined || text(col[last]) === "")) last--;
  const label = codes && last >= 0 ? text(codes[last]) : undefined;
  const isTotal = label !== undefined && (TOTAL.test(label) || (label === "" && raw.columns.some((col, c) => c !== codePos && typeof col?.[last] === "number")));
  if (!isTotal) return { raw: { ...raw, header }, notes };
  notes.push({
    line: raw.lines[last],
    where: where(codePos + 1, raw.lines[last]),
    message: `ligne de total${label ? ` « ${label} »` : ""} reconnue et ignorée : chaque total est recalculé à partir des ${levelOf(source) === "epci" ? "EPCI" : "communes"}`,
  });
  const keep = (r: number) => r !== last;
  return {
    raw: { ...raw, header, lines: raw.lines.filter((_, r) => keep(r)), columns: raw.columns.map((col) => col?.filter((_, r) => keep(r))) },
    notes,
  };
}
