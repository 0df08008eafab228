// Declaration problems, as GIP staff will read them in the terminal: where (file:line:column › path),
// what was found and expected, and what to do next.
import { relative, sep } from "node:path";

export interface DeclarationIssue {
  /** Absolute path of the file to fix; shown relative to the current folder. */
  file: string;
  /** 1-based position of the offending YAML node, when there is one. */
  line?: number;
  column?: number;
  /** Where inside the file, e.g. `indicators[2].formula.numerator` (positions counted from 1). */
  path: string;
  /** What is wrong, in French, without final period. */
  message: string;
  /** What to do next (a suggestion, the field's documentation), a full French sentence. */
  hint?: string;
}

export function formatIssue(issue: DeclarationIssue, baseDir = process.cwd()): string {
  const file = relative(baseDir, issue.file).split(sep).join("/");
  const where = issue.line === undefined ? file : `${file}:${issue.line}:${issue.column}`;
  const path = issue.path ? ` › ${issue.path}` : "";
  return `${where}${path} : ${issue.message}.${issue.hint ? ` ${issue.hint}` : ""}`;
}

export function formatIssues(issues: readonly DeclarationIssue[], baseDir = process.cwd()): string {
  return issues.map((issue) => formatIssue(issue, baseDir)).join("\n");
}

/** Thrown by `loadDeclarations` with every problem of every file, so one run shows them all. */
export class DeclarationError extends Error {
  constructor(
    readonly issues: DeclarationIssue[],
    readonly warnings: DeclarationIssue[] = [],
  ) {
    const count = issues.length === 1 ? "1 erreur" : `${issues.length} erreurs`;
    super(`Les déclarations contiennent ${count} :\n${formatIssues(issues)}`);
    this.name = "DeclarationError";
  }

  /** One issue per line; `baseDir` is the folder file names are shown relative to. */
  format(baseDir = process.cwd()): string {
    return formatIssues(this.issues, baseDir);
  }
}

/** Groups issues by file (in the order files were read), then by position, so fixes go top to bottom. */
export function sortIssues(issues: readonly DeclarationIssue[], fileOrder: readonly string[]): DeclarationIssue[] {
  const rank = (file: string) => (fileOrder.includes(file) ? fileOrder.indexOf(file) : fileOrder.length);
  return [...issues].sort(
    (a, b) => rank(a.file) - rank(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
  );
}
