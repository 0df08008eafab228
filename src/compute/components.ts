// Looking up and summing the producer variables a formula refers to ("source.variable").
import type { Level } from "../declare/schemas";
import type { Cell, SourceTable } from "../read/types";

/** A formula component at one territory: a sum of cells, with how sure we are of it. */
export interface Component {
  status: "ok" | "secret" | "missing";
  value?: number;
  approximate?: boolean;
  reason?: string;
}

/** Rows of every source indexed by level then territory code. */
export class SourceIndex {
  private readonly byLevel = new Map<string, Map<Level, Map<string, Record<string, Cell>>>>();

  constructor(
    tables: Iterable<SourceTable>,
    private readonly roundedSources: Set<string> = new Set(),
  ) {
    for (const table of tables) {
      const levels = new Map<Level, Map<string, Record<string, Cell>>>();
      for (const row of table.rows) {
        if (!levels.has(row.level)) levels.set(row.level, new Map());
        levels.get(row.level)!.set(row.code, row.cells);
      }
      this.byLevel.set(table.sourceId, levels);
    }
  }

  hasSource(sourceId: string): boolean {
    return this.byLevel.has(sourceId);
  }

  /** Whether the source publishes any row at this level. */
  hasLevel(ref: string, level: Level): boolean {
    return this.byLevel.get(ref.split(".")[0])?.has(level) ?? false;
  }

  /**
   * The producer's own cell for a territory, or undefined when the file has no row for it.
   * France is one territory whatever code a producer gives it ("FRANCE", "FR", "1"…).
   */
  cell(ref: string, level: Level, code: string): Cell | undefined {
    const [sourceId, variable] = ref.split(".");
    const rows = this.byLevel.get(sourceId)?.get(level);
    const row = level === "france" ? rows?.values().next().value : rows?.get(code);
    return row ? (row[variable] ?? { status: "missing" }) : undefined;
  }

  isRounded(ref: string): boolean {
    return this.roundedSources.has(ref.split(".")[0]);
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
    const approximate = secret > 0 || (index.isRounded(ref) && communes.length > 1);
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
