// Looking up and summing the producer variables a formula refers to ("source.variable").
import type { Level } from "../declare/schemas";
import type { Cell } from "../read/types";
import type { FranceScope } from "../territories/france";
import { absentColumn, OK, SECRET, statusOf, type CommuneColumn, type SourceColumns, type Tally } from "./source-columns";

export type { CommuneColumn } from "./source-columns";

/** A formula component at one territory: a sum of cells, with how sure we are of it. */
export interface Component {
  status: "ok" | "secret" | "missing";
  value?: number;
  approximate?: boolean;
  reason?: string;
}

/** What one file gives of a variable at one level: a commune column, or rows by code. */
interface LevelEntry {
  file: string;
  rounded: boolean;
  preferSum: boolean;
  france: FranceScope;
  column?: CommuneColumn;
  rows?: Map<string, Record<string, Cell>>;
  /** A national commune file's counts over the région and France. */
  tallies?: { region?: Tally; france?: Tally };
}

/** The reference levels a national commune file can be summed to. */
export type SummedReference = "region" | "france";

const NOT_PUBLISHED_CELL: Cell = { status: "missing" };

/**
 * Variables indexed by logical ref ("insee-rp.pop_0014") then level. A logical source may span
 * several files (`extends`), but each variable comes from one file at each level.
 */
export class SourceIndex {
  // The variable's name is kept with its entries: lookups are many, and must not split the ref each time.
  private readonly byRef = new Map<string, { variable: string; levels: Map<Level, LevelEntry> }>();

  /** `sources`: every file's columns, lined up with the same referential of `size` communes. */
  constructor(
    sources: Iterable<SourceColumns>,
    private readonly size: number,
  ) {
    for (const { logical, file, rounded, preferSum, france, communes, others, references } of sources) {
      for (const [variable, column] of communes) {
        if (column.status.length !== size) throw new Error(`colonnes de ${file} alignées sur ${column.status.length} communes au lieu de ${size}`);
        const tallies = references && { region: references.region.get(variable), france: references.france.get(variable) };
        this.add(logical, variable, "commune", { file, rounded, preferSum, france, column, ...(tallies ? { tallies } : {}) });
      }
      for (const [level, rows] of others) {
        const variables = new Set<string>();
        for (const cells of rows.values()) for (const variable in cells) variables.add(variable);
        for (const variable of variables) this.add(logical, variable, level, { file, rounded, preferSum, france, rows });
      }
    }
  }

  private add(logical: string, variable: string, level: Level, entry: LevelEntry): void {
    const ref = `${logical}.${variable}`;
    if (!this.byRef.has(ref)) this.byRef.set(ref, { variable, levels: new Map() });
    const other = this.byRef.get(ref)!.levels.get(level);
    // The declare stage refuses this; a second file must never silently replace the first.
    if (other) throw new Error(`« ${ref} » au niveau ${level} vient de deux fichiers : ${other.file} et ${entry.file}`);
    this.byRef.get(ref)!.levels.set(level, entry);
  }

  /** Whether some file gives this variable at this level. */
  hasLevel(ref: string, level: Level): boolean {
    return this.byRef.get(ref)?.levels.has(level) ?? false;
  }

  /**
   * The producer's own cell for a territory above the commune, or undefined when the file has no
   * row for it. France is one territory whatever code a producer gives it ("FRANCE", "FR", "1"…).
   */
  cell(ref: string, level: Level, code: string): Cell | undefined {
    const entry = this.byRef.get(ref);
    const rows = entry?.levels.get(level)?.rows;
    const row = level === "france" ? rows?.values().next().value : rows?.get(code);
    return row ? (row[entry!.variable] ?? NOT_PUBLISHED_CELL) : undefined;
  }

  /** Whether the file giving this variable at this level rounds its counts. */
  isRounded(ref: string, level: Level): boolean {
    return this.byRef.get(ref)?.levels.get(level)?.rounded ?? false;
  }

  /** The sum of a national commune file's cells over the région or France; undefined without such a file. */
  referenceSum(ref: string, level: SummedReference): Component | undefined {
    const entry = this.byRef.get(ref)?.levels.get("commune");
    const tally = entry?.tallies?.[level];
    return tally && tallyComponent(tally, entry.rounded, level);
  }

  /** Whether the file giving this variable by commune prefers its communes' sum to a producer's row. */
  prefersSum(ref: string): boolean {
    return this.byRef.get(ref)?.levels.get("commune")?.preferSum ?? false;
  }

  /** Which France the file giving this variable at `level` covers (its France row, or its communes' sum). */
  franceScope(ref: string, level: Level): FranceScope | undefined {
    return this.byRef.get(ref)?.levels.get(level)?.france;
  }

  /** A variable's cells for the territories `codes` of `level`, as a column: a partner's EPCI rows are then summed as communes are. */
  levelColumn(ref: string, level: Level, codes: string[]): CommuneColumn {
    const column = absentColumn(codes.length, this.isRounded(ref, level));
    codes.forEach((code, i) => {
      const cell = this.cell(ref, level, code);
      column.status[i] = statusOf(cell);
      if (cell?.status === "ok") column.value[i] = cell.value;
    });
    return column;
  }

  /** A variable's commune column; every commune absent when no file gives it by commune. */
  communeColumn(ref: string): CommuneColumn {
    return this.byRef.get(ref)?.levels.get("commune")?.column ?? absentColumn(this.size);
  }
}

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

// How the reasons of a sum name its parts.
const PARTS = {
  commune: { one: "commune", many: "communes", of: "communale", ofMany: "communales" },
  epci: { one: "EPCI", many: "EPCI", of: "d'EPCI", ofMany: "d'EPCI" },
};

/**
 * The sum over communes (positions in the columns; EPCIs for `of: "epci"`) of a component. Secret
 * cells (1 to 4 people at the producer) are left out of the sum and flag it as approximate; a
 * commune with no data makes the sum missing.
 */
export function summedComponent(columns: CommuneColumn[], positions: readonly number[], of: keyof typeof PARTS = "commune"): Component {
  const parts = PARTS[of];
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
      if (missing > 0) return { status: "missing", reason: `données manquantes pour ${missing} ${missing > 1 ? parts.many : parts.one}` };
      if (secret === positions.length) return NOT_OK[SECRET - 1];
      const approximate = secret > 0 || (column.rounded && positions.length > 1);
      const s = secret > 1 ? "s" : "";
      const reason = secret > 0 ? `somme approchée : ${secret} valeur${s} ${secret > 1 ? parts.ofMany : parts.of} secrète${s} non comptée${s}` : undefined;
      return { status: "ok", value: sum, ...(approximate ? { approximate } : {}), ...(reason ? { reason } : {}) };
    }),
  );
}

/**
 * A national file's sum over a reference territory: only when the file has a row for each of its
 * communes (a partly covered reference is never a silently partial sum); secret cells left out of
 * it make it approximate, as for an EPCI.
 */
function tallyComponent(t: Tally, rounded: boolean, level: SummedReference): Component {
  const covered = t.ok + t.secret;
  const where = level === "region" ? "de la région" : "de France";
  if (covered < t.expected)
    return { status: "missing", reason: `le fichier ne couvre que ${covered} des ${t.expected} communes ${where}` };
  if (t.ok === 0) return NOT_OK[SECRET - 1];
  const approximate = t.secret > 0 || rounded;
  const reason = t.secret > 0 ? `somme approchée : ${t.secret} valeurs communales secrètes non comptées` : undefined;
  return { status: "ok", value: t.sum, ...(approximate ? { approximate } : {}), ...(reason ? { reason } : {}) };
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
