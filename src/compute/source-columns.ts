// One declared file as the compute stage reads it: its commune cells as columns lined up with the
// referential's communes (two typed arrays per variable), its other levels' rows by code. Plain
// data, so that it can be kept between builds (src/pipeline/read-compute.ts): a republication after
// one file changed rebuilds only that file's columns.
import type { Level, Source } from "../declare/schemas";
import { logicalId } from "../declare/source-files";
import type { Cell, SourceTable } from "../read/types";

/** A variable's commune cells in the referential's order. */
export interface CommuneColumn {
  status: Uint8Array;
  value: Float64Array;
  /** Whether the file rounds its counts (a sum of several communes is then approximate). */
  rounded: boolean;
}

export interface SourceColumns {
  /** The id the catalogue's refs use (`extends` of a file entry, or its own id). */
  logical: string;
  file: string;
  rounded: boolean;
  /** Variable → commune column; a variable the file gives for no commune has none. */
  communes: Map<string, CommuneColumn>;
  /** Level other than commune → territory code → the row's cells. */
  others: Map<Level, Map<string, Record<string, Cell>>>;
}

// A cell's status in a column: a small integer, so that a column is two typed arrays.
export const OK = 0;
export const SECRET = 1;
export const NOT_PUBLISHED = 2;
export const ABSENT = 3;

export const statusOf = (cell: Cell | undefined) => (!cell ? ABSENT : cell.status === "secret" ? SECRET : cell.status === "missing" ? NOT_PUBLISHED : OK);

/** A column of `size` communes none of which has a row. */
export const absentColumn = (size: number, rounded = false): CommuneColumn => ({ status: new Uint8Array(size).fill(ABSENT), value: new Float64Array(size), rounded });

/**
 * `table`, declared as `file` (for its logical id and rounding), lined up with `position` (each
 * referential commune's place). Rows of communes outside the referential are left out (the
 * coverage check reports them); a variable a row lacks is "not published" there.
 */
export function columnsOf(table: SourceTable, file: Pick<Source, "id" | "extends" | "roundedTo"> | undefined, position: Map<string, number>): SourceColumns {
  const rounded = Boolean(file?.roundedTo);
  const communeRows = table.rows.filter((row) => row.level === "commune");
  const variables = new Set<string>();
  for (const row of communeRows) for (const variable in row.cells) variables.add(variable);
  const communes = new Map([...variables].map((variable) => [variable, absentColumn(position.size, rounded)]));
  const columns = [...communes]; // [variable, column] pairs, walked for every row
  for (const row of communeRows) {
    const i = position.get(row.code);
    if (i === undefined) continue;
    for (const [variable, column] of columns) {
      const cell = row.cells[variable];
      column.status[i] = cell ? statusOf(cell) : NOT_PUBLISHED;
      if (cell?.status === "ok") column.value[i] = cell.value;
    }
  }
  const others = new Map<Level, Map<string, Record<string, Cell>>>();
  for (const row of table.rows) {
    if (row.level === "commune") continue;
    if (!others.has(row.level)) others.set(row.level, new Map());
    others.get(row.level)!.set(row.code, row.cells);
  }
  return { logical: file ? logicalId(file) : table.sourceId, file: table.file, rounded, communes, others };
}
