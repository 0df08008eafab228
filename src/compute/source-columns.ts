// One declared file as the compute stage reads it: its commune cells as columns lined up with the
// referential's communes (two typed arrays per variable), its other levels' rows by code. Plain
// data, so that it can be kept between builds (src/pipeline/read-compute.ts): a republication after
// one file changed rebuilds only that file's columns.
import type { Level, Source } from "../declare/schemas";
import { logicalId } from "../declare/source-files";
import type { Cell, SourceTable } from "../read/types";
import { FRANCE, type FranceScope } from "../territories/france";
import type { CommuneReferential } from "../territories/referential";

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
  /** The file's `references` declaration: its communes' sum preferred to a producer's row. */
  preferSum: boolean;
  /** What the file's France covers (its France row, or the sum of its communes). */
  france: FranceScope;
  /** Variable → commune column; a variable the file gives for no commune has none. */
  communes: Map<string, CommuneColumn>;
  /** Level other than commune → territory code → the row's cells. */
  others: Map<Level, Map<string, Record<string, Cell>>>;
  /** A national file's communes counted for the région and France, variable by variable (with a referential only). */
  references?: { region: Map<string, Tally>; france: Map<string, Tally> };
}

/** A variable's cells over the communes of a reference territory, to sum it only if the file covers them all. */
export interface Tally {
  /** Communes of the territory in the referential. */
  expected: number;
  ok: number;
  secret: number;
  notPublished: number;
  sum: number;
}

/** The national context of a file: the referential, the département's région, and what the file's France covers. */
export interface NationalScope {
  referential: CommuneReferential;
  region: string;
  france: FranceScope;
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
export function columnsOf(
  table: SourceTable,
  file: (Pick<Source, "id" | "extends" | "roundedTo"> & Partial<Pick<Source, "references" | "france">>) | undefined,
  position: Map<string, number>,
  national?: NationalScope,
): SourceColumns {
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
  const references = national && communeRows.length > 0 ? tallies(communeRows, [...variables], national) : undefined;
  return {
    logical: file ? logicalId(file) : table.sourceId,
    file: table.file,
    rounded,
    preferSum: file?.references === "sum",
    france: file?.france ?? "entiere",
    communes,
    others,
    ...(references ? { references } : {}),
  };
}

/** Each variable counted over the région's communes and over France's, as the file gives them. */
function tallies(rows: SourceTable["rows"], variables: string[], { referential, region, france }: NationalScope): NonNullable<SourceColumns["references"]> {
  const inFrance = FRANCE[france];
  let inRegion = 0;
  let ofFrance = 0;
  for (const place of referential.communes.values()) {
    if (place.region === region) inRegion++;
    if (inFrance.includes(place.zone, place.departement)) ofFrance++;
  }
  const blank = (expected: number): Tally => ({ expected, ok: 0, secret: 0, notPublished: 0, sum: 0 });
  const result = { region: new Map(variables.map((v) => [v, blank(inRegion)])), france: new Map(variables.map((v) => [v, blank(ofFrance)])) };
  const count = (tally: Tally, cell: Cell | undefined) => {
    if (cell?.status === "ok") {
      tally.ok++;
      tally.sum += cell.value;
    } else if (cell?.status === "secret") tally.secret++;
    else tally.notPublished++;
  };
  for (const row of rows) {
    const place = referential.communes.get(row.code);
    if (!place) continue;
    const here = place.region === region;
    const there = inFrance.includes(place.zone, place.departement);
    for (const variable of variables) {
      if (here) count(result.region.get(variable)!, row.cells[variable]);
      if (there) count(result.france.get(variable)!, row.cells[variable]);
    }
  }
  return result;
}
