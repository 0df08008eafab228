// The artefact of the read stage: producer rows keyed by territory code, every cell with an explicit status.
import type { Level } from "../declare/schemas";

/** A cell as the producer gave it: a number, a secret marker, or nothing. Never 0 for "unknown". */
export type Cell = { status: "ok"; value: number } | { status: "secret" } | { status: "missing" };

export interface SourceRow {
  level: Level;
  /** Territory code as a string (commune 5 chars, EPCI 9 digits, département "32" or "2A"…). */
  code: string;
  /** 1-based line number in the producer file, for error messages. */
  line: number;
  /** Variable name (as declared in `columns`) → cell. */
  cells: Record<string, Cell>;
}

export interface SourceTable {
  sourceId: string;
  file: string;
  rows: SourceRow[];
}
