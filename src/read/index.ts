// The read stage: one declared producer file → SourceTable, or every problem found in it.
import { readdir, readFile } from "node:fs/promises";
import { basename, dirname, isAbsolute, join, relative } from "node:path";
import type { Source } from "../declare/schemas";
import { readCsv } from "./csv";
import { decodeText } from "./decode";
import { ReadError, ReadErrors, closest, quoteList } from "./errors";
import { buildTable } from "./table";
import type { SourceTable } from "./types";
import { readXlsx } from "./xlsx";

export { ReadError, ReadErrors } from "./errors";
export type { ReadErrorDetails } from "./errors";
export { parseNumber } from "./number";

/**
 * Reads `source.file` (relative to `dataDir`) as declared.
 * Rejects with `ReadErrors` listing every problem found in the file (structural problems such as
 * a wrong separator stop the reading at once; value problems are all collected).
 */
export async function readSource(source: Source, dataDir: string): Promise<SourceTable> {
  const path = join(dataDir, source.file);
  const file = shown(path);
  try {
    const bytes = await readBytes(path, file, source.file);
    checkFormat(bytes, source.format, file);
    const raw =
      source.format === "xlsx"
        ? await readXlsx(bytes, source.sheet, source.headerRow, file)
        : readCsv(decodeText(bytes, source.encoding, file), source.separator, source.headerRow, file);
    return buildTable(raw, source, file);
  } catch (e) {
    throw e instanceof ReadError ? new ReadErrors([e]) : e;
  }
}

/** The path as the user would type it: relative to the working directory when inside it. */
function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith("..") || isAbsolute(rel) ? path : rel;
}

async function readBytes(path: string, file: string, declared: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
    const siblings = await readdir(dirname(path)).catch(() => undefined);
    const near = siblings && closest(basename(path), siblings);
    throw new ReadError({
      file,
      problem: siblings ? "fichier introuvable" : `fichier introuvable : le dossier ${shown(dirname(path))} n'existe pas`,
      hint: `vérifiez le chemin déclaré (file: ${declared}), relatif au dossier des données${near?.length ? ` ; fichiers proches dans ce dossier : ${quoteList(near)}` : ""}`,
    });
  }
}

/** Catches an Excel workbook declared as CSV, and the old binary .xls that exceljs cannot read. */
function checkFormat(bytes: Buffer, format: Source["format"], file: string): void {
  const starts = (magic: number[]) => magic.every((b, i) => bytes[i] === b);
  if (starts([0xd0, 0xcf, 0x11, 0xe0]))
    throw new ReadError({
      file,
      problem: "le fichier est un ancien classeur Excel (.xls), qui ne peut pas être lu",
      hint: "ouvrez-le dans Excel et enregistrez-le au format .xlsx (puis déclarez format: xlsx) ou CSV",
    });
  if (format === "csv" && starts([0x50, 0x4b, 0x03, 0x04]))
    throw new ReadError({ file, problem: "le fichier est un classeur Excel (.xlsx), pas un CSV", hint: "déclarez format: xlsx" });
}
