// Shared test helpers: a declared source with defaults, temp files, and the errors a read rejects with.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";
import { sourceSchema } from "../../src/declare/schemas";
import type { Source } from "../../src/declare/schemas";
import { ReadErrors, readSource } from "../../src/read";

export const FIXTURES = "tests/read/fixtures";

/** A source declaration as a GIP would write it (defaults applied by the schema). */
export function makeSource(fields: Record<string, unknown>): Source {
  return sourceSchema.parse({
    id: "test",
    producer: "INSEE",
    dataset: "Jeu de test",
    vintage: "2021",
    licence: "Licence Ouverte 2.0",
    format: "csv",
    code: { column: "CODGEO", level: "commune" },
    columns: {},
    ...fields,
  });
}

/** A fresh temp directory with the given files (text is written as UTF-8). */
export function tempDir(files: Record<string, string | Uint8Array> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "read-"));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

/** The ReadErrors a read rejects with. */
export async function readErrors(source: Source, dataDir: string): Promise<ReadErrors> {
  const error = await readSource(source, dataDir).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ReadErrors);
  return error as ReadErrors;
}

/** The single error a read rejects with. */
export async function readError(source: Source, dataDir: string) {
  const { errors, total } = await readErrors(source, dataDir);
  expect(total).toBe(1);
  return errors[0];
}
