// Bringing producer rows onto the current commune geography: rows of communes merged or renumbered
// since the file's geography, and municipal arrondissements (Paris, Lyon, Marseille) of a file that
// gives only them, are folded into their current commune, so that no one is dropped or counted twice.
import { currentCode, type FoldKind, type Renewal } from "../territories/renewal";
import type { Cell, SourceRow, SourceTable } from "./types";

export interface RenewResult {
  table: SourceTable;
  /** Rows folded into a current commune, for the quality report. */
  folded: { from: string; to: string; line: number; kind: FoldKind }[];
  /** Arrondissement rows left out because the file also has their commune's own row. */
  doubled: { from: string; to: string; line: number }[];
}

/**
 * Cells of the rows of one current commune, per variable. A count sums what the rows give (an
 * empty cell of a former commune adds nothing: census files leave them empty once the new commune
 * counts everyone; a secret cell makes the sum secret). A non-additive variable (median, rate) is
 * never combined: the commune keeps the producer's value for its own code when no other row gives
 * one, and has none otherwise.
 */
export function fold(rows: SourceRow[], code: string, nonAdditive: Set<string>): Record<string, Cell> {
  const own = rows.find((r) => r.code === code);
  const cells: Record<string, Cell> = {};
  for (const variable of Object.keys(rows[0].cells)) {
    const present = rows.filter((r) => r.cells[variable].status !== "missing");
    if (nonAdditive.has(variable)) cells[variable] = own && present.every((r) => r === own) ? own.cells[variable] : { status: "missing" };
    else if (present.length === 0) cells[variable] = { status: "missing" };
    else if (present.length === 1) cells[variable] = present[0].cells[variable];
    else if (present.some((r) => r.cells[variable].status === "secret")) cells[variable] = { status: "secret" };
    else cells[variable] = { status: "ok", value: present.reduce((sum, r) => sum + (r.cells[variable] as { value: number }).value, 0) };
  }
  return cells;
}

/** `nonAdditive`: variables of this source used by indicators taken as published. */
export function renewTable(table: SourceTable, renewal: Renewal, nonAdditive: Set<string>): RenewResult {
  const folded: RenewResult["folded"] = [];
  const doubled: RenewResult["doubled"] = [];
  const groups = new Map<string, { rows: SourceRow[]; kinds: Set<FoldKind> }>();
  const rows: SourceRow[] = [];
  for (const row of table.rows) {
    if (row.level !== "commune") {
      rows.push(row);
      continue;
    }
    const { code, kind } = currentCode(row.code, renewal);
    if (!groups.has(code)) groups.set(code, { rows: [], kinds: new Set() });
    const group = groups.get(code)!;
    group.rows.push(row);
    if (kind) group.kinds.add(kind);
  }
  for (const [code, { rows: group, kinds }] of groups) {
    // A file that has both a city and its arrondissements: the city's own row is the count.
    const own = group.some((r) => r.code === code);
    const kept = kinds.has("arrondissement") && own ? group.filter((r) => renewal.referential?.arrondissements.get(r.code) !== code) : group;
    for (const r of group)
      if (!kept.includes(r)) doubled.push({ from: r.code, to: code, line: r.line });
      else if (r.code !== code) folded.push({ from: r.code, to: code, line: r.line, kind: currentCode(r.code, renewal).kind! });
    const single = kept.length === 1 && !(kinds.has("arrondissement") && kept[0].code !== code);
    rows.push(single ? { ...kept[0], code } : { level: "commune", code, line: kept[0].line, cells: fold(kept, code, nonAdditive) });
  }
  return { table: { ...table, rows }, folded, doubled };
}
