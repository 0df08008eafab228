// Looking up and summing the producer variables a formula refers to ("source.variable").
import type { Level, Source } from "../declare/schemas";
import { logicalId } from "../declare/source-files";
import type { Cell, SourceTable } from "../read/types";

/** A formula component at one territory: a sum of cells, with how sure we are of it. */
export interface Component {
  status: "ok" | "secret" | "missing";
  value?: number;
  approximate?: boolean;
  reason?: string;
}

/** The rows one file gives at one level, by territory code. */
interface LevelRows {
  file: string;
  rounded: boolean;
  rows: Map<string, Record<string, Cell>>;
}

const NOT_PUBLISHED: Cell = { status: "missing" };

/**
 * Rows indexed by logical variable ("insee-rp.pop_0014") then level. A logical source may span
 * several files (`extends`), but each variable comes from one file at each level.
 */
export class SourceIndex {
  // The variable's name is kept with its rows: lookups are many, and must not split the ref each time.
  private readonly byRef = new Map<string, { variable: string; levels: Map<Level, LevelRows> }>();

  /** `files`: the declared sources, for each table's logical source and whether its counts are rounded. */
  constructor(tables: Iterable<SourceTable>, files: Iterable<Pick<Source, "id" | "extends" | "roundedTo">> = []) {
    const declared = new Map([...files].map((f) => [f.id, f]));
    for (const table of tables) {
      const file = declared.get(table.sourceId);
      const logical = file ? logicalId(file) : table.sourceId;
      const levels = new Map<Level, LevelRows>();
      for (const row of table.rows) {
        if (!levels.has(row.level)) levels.set(row.level, { file: table.file, rounded: Boolean(file?.roundedTo), rows: new Map() });
        levels.get(row.level)!.rows.set(row.code, row.cells);
      }
      for (const [level, rows] of levels) {
        const variables = new Set<string>();
        for (const cells of rows.rows.values()) for (const variable in cells) variables.add(variable);
        for (const variable of variables) {
          const ref = `${logical}.${variable}`;
          if (!this.byRef.has(ref)) this.byRef.set(ref, { variable, levels: new Map() });
          const other = this.byRef.get(ref)!.levels.get(level);
          // The declare stage refuses this; a second file must never silently replace the first.
          if (other) throw new Error(`« ${ref} » au niveau ${level} vient de deux fichiers : ${other.file} et ${table.file}`);
          this.byRef.get(ref)!.levels.set(level, rows);
        }
      }
    }
  }

  /** Whether some file gives this variable at this level. */
  hasLevel(ref: string, level: Level): boolean {
    return this.byRef.get(ref)?.levels.has(level) ?? false;
  }

  /**
   * The producer's own cell for a territory, or undefined when the file has no row for it.
   * France is one territory whatever code a producer gives it ("FRANCE", "FR", "1"…).
   */
  cell(ref: string, level: Level, code: string): Cell | undefined {
    const entry = this.byRef.get(ref);
    const rows = entry?.levels.get(level)?.rows;
    const row = level === "france" ? rows?.values().next().value : rows?.get(code);
    return row ? (row[entry!.variable] ?? NOT_PUBLISHED) : undefined;
  }

  /** Whether the file giving this variable at this level rounds its counts. */
  isRounded(ref: string, level: Level): boolean {
    return this.byRef.get(ref)?.levels.get(level)?.rounded ?? false;
  }

  /**
   * The commune columns of many variables at once. Each file's row for a commune is looked up
   * once for all the variables it gives: rows are many, variables a hundred or more.
   */
  communeColumns(refs: Iterable<string>, communes: string[]): Map<string, CommuneColumn> {
    const columns = new Map<string, CommuneColumn>();
    const wanted = new Map<LevelRows, { variable: string; column: CommuneColumn }[]>();
    for (const ref of refs) {
      const rows = this.byRef.get(ref)?.levels.get("commune");
      const column = { status: new Uint8Array(communes.length).fill(ABSENT), value: new Float64Array(communes.length), rounded: rows?.rounded ?? false };
      columns.set(ref, column);
      if (!rows) continue;
      if (!wanted.has(rows)) wanted.set(rows, []);
      wanted.get(rows)!.push({ variable: this.byRef.get(ref)!.variable, column });
    }
    for (const [{ rows }, variables] of wanted)
      communes.forEach((code, i) => {
        const row = rows.get(code);
        if (row)
          for (const { variable, column } of variables) {
            const cell = row[variable] ?? NOT_PUBLISHED;
            column.status[i] = statusOf(cell);
            if (cell.status === "ok") column.value[i] = cell.value;
          }
      });
    return columns;
  }
}

// A cell's status in a column: a small integer, so that a column is two typed arrays.
const OK = 0;
const SECRET = 1;
const NOT_PUBLISHED_CELL = 2;
const ABSENT = 3;

/**
 * A variable's commune cells lined up with a list of communes (the referential): read once, then
 * summed by position for every EPCI, group and the département.
 */
export interface CommuneColumn {
  status: Uint8Array;
  value: Float64Array;
  rounded: boolean;
}

const statusOf = (cell: Cell | undefined) => (!cell ? ABSENT : cell.status === "secret" ? SECRET : cell.status === "missing" ? NOT_PUBLISHED_CELL : OK);

export const refsOf = (refs: string | string[]): string[] => (Array.isArray(refs) ? refs : [refs]);

// Shared: components are read, never changed.
const NOT_OK: Component[] = [
  { status: "secret", reason: "secret du producteur" },
  { status: "missing", reason: "non publié par le producteur" },
  { status: "missing", reason: "absent du fichier du producteur" },
];

/** A producer cell as a component; a territory absent from the file is missing, never zero. */
function cellComponent(status: number, value: number): Component {
  return status === OK ? { status: "ok", value } : NOT_OK[status - 1];
}

export function producerComponent(index: SourceIndex, refs: string | string[], level: Level, code: string): Component {
  return combine(
    refsOf(refs).map((ref) => {
      const cell = index.cell(ref, level, code);
      return cellComponent(statusOf(cell), cell?.status === "ok" ? cell.value : 0);
    }),
  );
}

/** The sum of a commune's cells (several for e.g. ouvriers + employés) if all are shown, without making components. */
export function shownSum(columns: CommuneColumn[], i: number): number | undefined {
  let sum = 0;
  for (const column of columns) {
    if (column.status[i] !== OK) return undefined;
    sum += column.value[i];
  }
  return sum;
}

/** A commune's component, from the columns of its refs. */
export function communeComponent(columns: CommuneColumn[], i: number): Component {
  if (columns.length === 1) return cellComponent(columns[0].status[i], columns[0].value[i]); // most formulas: no array to make
  return combine(columns.map((column) => cellComponent(column.status[i], column.value[i])));
}

/**
 * The sum over communes (positions in the columns) of a component. Secret commune cells (1 to 4
 * people at the producer) are left out of the sum and flag it as approximate; a commune with no
 * data makes the sum missing.
 */
export function summedComponent(columns: CommuneColumn[], positions: readonly number[]): Component {
  return combine(
    columns.map((column): Component => {
      let sum = 0;
      let secret = 0;
      let missing = 0;
      for (const i of positions) {
        const status = column.status[i];
        if (status === OK) sum += column.value[i];
        else if (status === SECRET) secret++;
        else missing++;
      }
      if (missing > 0) return { status: "missing", reason: `données manquantes pour ${missing} commune${missing > 1 ? "s" : ""}` };
      if (secret === positions.length) return NOT_OK[SECRET - 1];
      const approximate = secret > 0 || (column.rounded && positions.length > 1);
      const reason = secret > 0 ? `somme approchée : ${secret} valeur${secret > 1 ? "s" : ""} communale${secret > 1 ? "s" : ""} secrète${secret > 1 ? "s" : ""} non comptée${secret > 1 ? "s" : ""}` : undefined;
      return { status: "ok", value: sum, ...(approximate ? { approximate } : {}), ...(reason ? { reason } : {}) };
    }),
  );
}

/** Components summed together (e.g. ouvriers + employés): missing wins over secret, secret over ok. */
export function combine(parts: Component[]): Component {
  const missing = parts.find((p) => p.status === "missing");
  if (missing) return missing;
  const secret = parts.find((p) => p.status === "secret");
  if (secret) return secret;
  const approximate = parts.some((p) => p.approximate);
  const reason = parts.find((p) => p.reason)?.reason;
  return {
    status: "ok",
    value: parts.reduce((sum, p) => sum + (p.value ?? 0), 0),
    ...(approximate ? { approximate } : {}),
    ...(reason ? { reason } : {}),
  };
}
