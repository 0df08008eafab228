// Referential files are written by hand: report every problem at once, each with file and line,
// rather than stopping at the first one.
import { basename } from "node:path";

export class TerritoryError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${basename(file)} : ${problems.length} problème(s)\n- ${problems.join("\n- ")}`);
    this.name = "TerritoryError";
  }
}

/** "ligne 4 : …" — the prefix of a problem found on a given line of a file. */
export const atLine = (line: number, message: string) => `ligne ${line} : ${message}`;

/** Throws the collected problems, if any. */
export function failIfAny(file: string, problems: string[]): void {
  if (problems.length > 0) throw new TerritoryError(file, problems);
}
