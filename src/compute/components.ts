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

/**
 * Rows indexed by logical variable ("insee-rp.pop_0014") then level. A logical source may span
 * several files (`extends`), but each variable comes from one file at each level.
 */
export class SourceIndex {
  private readonly byRef = new Map<string, Map<Level, LevelRows>>();

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
      for (const [level, rows] of levels)
        for (const variable of new Set([...rows.rows.values()].flatMap((cells) => Object.keys(cells)))) {
          const ref = `${logical}.${variable}`;
          if (!this.byRef.has(ref)) this.byRef.set(ref, new Map());
          const other = this.byRef.get(ref)!.get(level);
          // The declare stage refuses this; a second file must never silently replace the first.
          if (other) throw new Error(`« ${ref} » au niveau ${level} vient de deux fichiers : ${other.file} et ${table.file}`);
          this.byRef.get(ref)!.set(level, rows);
        }
    }
  }

  /** Whether some file gives this variable at this level. */
  hasLevel(ref: string, level: Level): boolean {
    return this.byRef.get(ref)?.has(level) ?? false;
  }

  /**
   * The producer's own cell for a territory, or undefined when the file has no row for it.
   * France is one territory whatever code a producer gives it ("FRANCE", "FR", "1"…).
   */
  cell(ref: string, level: Level, code: string): Cell | undefined {
    const rows = this.byRef.get(ref)?.get(level)?.rows;
    const row = level === "france" ? rows?.values().next().value : rows?.get(code);
    return row ? (row[ref.split(".")[1]] ?? { status: "missing" }) : undefined;
  }

  /** Whether the file giving this variable at this level rounds its counts. */
  isRounded(ref: string, level: Level): boolean {
    return this.byRef.get(ref)?.get(level)?.rounded ?? false;
  }
}

const refsOf = (refs: string | string[]): string[] => (Array.isArray(refs) ? refs : [refs]);

/** A producer cell as a component; a territory absent from the file is missing, never zero. */
export function producerComponent(index: SourceIndex, refs: string | string[], level: Level, code: string): Component {
  const parts = refsOf(refs).map((ref): Component => {
    const cell = index.cell(ref, level, code);
    if (!cell) return { status: "missing", reason: "absent du fichier du producteur" };
    if (cell.status === "secret") return { status: "secret", reason: "secret du producteur" };
    if (cell.status === "missing") return { status: "missing", reason: "non publié par le producteur" };
    return { status: "ok", value: cell.value };
  });
  return combine(parts);
}

/**
 * The sum over communes of a component. Secret commune cells (1 to 4 people at the producer)
 * are left out of the sum and flag it as approximate; a commune with no data makes the sum missing.
 */
export function summedComponent(index: SourceIndex, refs: string | string[], communes: string[]): Component {
  const parts = refsOf(refs).map((ref): Component => {
    let sum = 0;
    let secret = 0;
    let missing = 0;
    for (const code of communes) {
      const cell = index.cell(ref, "commune", code);
      if (!cell || cell.status === "missing") missing++;
      else if (cell.status === "secret") secret++;
      else sum += cell.value;
    }
    if (missing > 0) return { status: "missing", reason: `données manquantes pour ${missing} commune${missing > 1 ? "s" : ""}` };
    if (secret === communes.length) return { status: "secret", reason: "secret du producteur" };
    const approximate = secret > 0 || (index.isRounded(ref, "commune") && communes.length > 1);
    const reason = secret > 0 ? `somme approchée : ${secret} valeur${secret > 1 ? "s" : ""} communale${secret > 1 ? "s" : ""} secrète${secret > 1 ? "s" : ""} non comptée${secret > 1 ? "s" : ""}` : undefined;
    return { status: "ok", value: sum, ...(approximate ? { approximate } : {}), ...(reason ? { reason } : {}) };
  });
  return combine(parts);
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
