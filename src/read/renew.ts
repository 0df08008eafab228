// Bringing producer rows published in an older commune geography (COG) onto the current one:
// rows of communes merged since are folded into the commune that absorbed them, so no one is
// dropped or counted twice.
import type { RenewCode } from "../territories/changes";
import type { Cell, SourceRow, SourceTable } from "./types";

export interface RenewResult {
  table: SourceTable;
  /** Former codes folded into a current one, for the quality report. */
  folded: { from: string; to: string; line: number }[];
}

/**
 * Cells of merged rows are combined per variable: an empty cell of a former commune adds nothing
 * (census files leave them empty once the new commune counts everyone); counts are summed;
 * a non-additive variable (median, rate) cannot be combined and becomes missing.
 */
function fold(rows: SourceRow[], nonAdditive: Set<string>): Record<string, Cell> {
  const cells: Record<string, Cell> = {};
  for (const variable of Object.keys(rows[0].cells)) {
    const present = rows.map((r) => r.cells[variable]).filter((c) => c.status !== "missing");
    if (present.length === 0) cells[variable] = { status: "missing" };
    else if (present.length === 1) cells[variable] = present[0];
    else if (nonAdditive.has(variable)) cells[variable] = { status: "missing" };
    else if (present.some((c) => c.status === "secret")) cells[variable] = { status: "secret" };
    else cells[variable] = { status: "ok", value: present.reduce((sum, c) => sum + (c.status === "ok" ? c.value : 0), 0) };
  }
  return cells;
}

/** `nonAdditive`: variables of this source used by indicators taken as published. */
export function renewTable(table: SourceTable, renew: RenewCode, nonAdditive: Set<string>): RenewResult {
  const folded: RenewResult["folded"] = [];
  const groups = new Map<string, SourceRow[]>();
  const rows: SourceRow[] = [];
  for (const row of table.rows) {
    if (row.level !== "commune") {
      rows.push(row);
      continue;
    }
    const code = renew(row.code);
    if (code !== row.code) folded.push({ from: row.code, to: code, line: row.line });
    if (!groups.has(code)) groups.set(code, []);
    groups.get(code)!.push(row);
  }
  for (const [code, group] of groups)
    rows.push(group.length === 1 ? { ...group[0], code } : { level: "commune", code, line: group[0].line, cells: fold(group, nonAdditive) });
  return { table: { ...table, rows }, folded };
}
