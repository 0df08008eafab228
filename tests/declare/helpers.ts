// Broken variants of the valid fixture, written to temp folders, and the errors as users see them.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect } from "vitest";
import { DeclarationError, loadDeclarations } from "../../src/declare";

export const VALID = join(import.meta.dirname, "fixtures", "valid");

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A text edit: [searched, replacement] (the searched text must be there), or the whole new content. */
export type Edit = [string, string] | string;

/** Copies the valid fixture to a temp folder and applies the edits of each file; returns the folder. */
export function variant(edits: Record<string, Edit | Edit[]>): string {
  const dir = mkdtempSync(join(tmpdir(), "declare-"));
  made.push(dir);
  cpSync(VALID, dir, { recursive: true });
  for (const [file, fileEdits] of Object.entries(edits)) {
    const path = join(dir, file);
    const list = Array.isArray(fileEdits) && typeof fileEdits[0] !== "string" ? (fileEdits as Edit[]) : [fileEdits as Edit];
    for (const edit of list) {
      if (typeof edit === "string") {
        writeFileSync(path, edit);
        continue;
      }
      const text = readFileSync(path, "utf8");
      if (!text.includes(edit[0])) throw new Error(`${file} ne contient pas ${JSON.stringify(edit[0])}`);
      writeFileSync(path, text.replace(edit[0], edit[1]));
    }
  }
  return dir;
}

/** The formatted errors of loading `dir/config.yaml`, file names shown relative to `dir`. */
export function errorsOf(dir: string): string {
  try {
    loadDeclarations(join(dir, "config.yaml"));
  } catch (error) {
    expect(error).toBeInstanceOf(DeclarationError);
    return (error as DeclarationError).format(dir);
  }
  throw new Error("les déclarations auraient dû être refusées");
}
