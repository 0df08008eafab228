// Errors of the read stage, written for GIP staff: where (file, line, column), what was found,
// what was expected and what to do, as one ready-to-print French sentence.
import { distance } from "fastest-levenshtein";
import { cellName } from "./cell";

export interface ReadErrorDetails {
  /** The file as shown to the user (relative to the working directory when possible). */
  file: string;
  /** 1-based line of the file (CSV) or row of the sheet (XLSX). */
  line?: number;
  /** A column present in the file: its header name and 1-based position. */
  column?: { name: string; index: number };
  /** The sheet of a workbook: the cell is then also named as the spreadsheet shows it (Communes!D14). */
  sheet?: string;
  /** The raw value found, when the problem is a value. */
  found?: string;
  /** What is wrong, e.g. "« abc » n'est pas un nombre". */
  problem: string;
  expected?: string;
  /** What to do, in the user's words. */
  hint: string;
}

export class ReadError extends Error {
  readonly file: string;
  readonly line?: number;
  readonly column?: { name: string; index: number };
  readonly sheet?: string;
  readonly found?: string;
  readonly problem: string;
  readonly expected?: string;
  readonly hint: string;

  constructor(details: ReadErrorDetails) {
    super(formatMessage(details));
    this.name = "ReadError";
    ({ file: this.file, line: this.line, column: this.column, sheet: this.sheet, found: this.found } = details);
    ({ problem: this.problem, expected: this.expected, hint: this.hint } = details);
  }
}

function formatMessage(d: ReadErrorDetails): string {
  const where = [d.file];
  if (d.sheet !== undefined && d.line !== undefined && d.column) where.push(cellName(d.sheet, d.column.index, d.line));
  if (d.line !== undefined) where.push(`ligne ${d.line}`);
  if (d.column) where.push(`colonne ${d.column.name} (${d.column.index})`);
  const expected = d.expected ? ` Attendu : ${d.expected}.` : "";
  return `${where.join(", ")} : ${d.problem}.${expected} À faire : ${d.hint}.`;
}

/** Beyond this many, errors are only counted: a wrongly declared file can fail on every cell. */
const KEPT = 1000;
/** How many messages `ReadErrors.message` prints before "… et N autres". */
const PRINTED = 20;

/** Every error found in one file, so that a check can report them all at once. */
export class ReadErrors extends Error {
  constructor(
    /** The first errors found (at most 1,000), in file order. */
    readonly errors: ReadError[],
    /** How many errors were found in all, kept or not. */
    readonly total = errors.length,
  ) {
    super(formatList(errors, total));
    this.name = "ReadErrors";
  }
}

function formatList(errors: ReadError[], total: number): string {
  if (total === 1) return errors[0].message;
  const lines = errors.slice(0, PRINTED).map((e) => `- ${e.message}`);
  if (total > PRINTED) lines.push(`… et ${total - PRINTED} autres erreurs.`);
  return [`${total} erreurs dans ${errors[0].file} :`, ...lines].join("\n");
}

/** Collects the errors of a file: keeps the first ones, counts them all. */
export class ErrorCollector {
  readonly errors: ReadError[] = [];
  total = 0;

  add(details: ReadErrorDetails): void {
    this.total++;
    if (this.errors.length < KEPT) this.errors.push(new ReadError(details));
  }

  /** Throws the errors collected so far, if any. */
  throwIfAny(): void {
    if (this.total > 0) throw new ReadErrors(this.errors, this.total);
  }
}

/** The `n` names closest to `target` (Levenshtein, case-insensitive), for "did you mean" hints. */
export function closest(target: string, names: string[], n = 3): string[] {
  const t = target.toLowerCase();
  return [...new Set(names.filter((name) => name !== ""))]
    .map((name) => ({ name, d: distance(t, name.toLowerCase()) }))
    .sort((a, b) => a.d - b.d)
    .slice(0, n)
    .map((c) => c.name);
}

/** « a », « b », « c » */
export function quoteList(values: string[]): string {
  return values.map((v) => `« ${v} »`).join(", ");
}
