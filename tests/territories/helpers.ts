import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TerritoryError } from "../../src/territories/errors";

export const fixtures = join(import.meta.dirname, "fixtures");

/** Writes `content` to a fresh temporary file named `name` and returns its path. */
export function tmpFile(name: string, content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), "territories-")), name);
  writeFileSync(path, content);
  return path;
}

/** The problems of the TerritoryError thrown by `run`. */
export function problemsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (e) {
    if (e instanceof TerritoryError) return e.problems;
    throw e;
  }
  throw new Error("aucune erreur levée");
}
