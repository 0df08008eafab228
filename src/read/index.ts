// The read stage: one declared producer file → SourceTable, or every problem found in it.
import { readdir, readFile } from "node:fs/promises";
import { basename, dirname, isAbsolute, relative, resolve } from "node:path";
import type { Source } from "../declare/schemas";
import { readCsv } from "./csv";
import { decodeText } from "./decode";
import { ReadError, ReadErrors, closest, quoteList, type ReadErrorDetails } from "./errors";
import type { RawTable } from "./raw";
import { buildTable } from "./table";
import type { SourceTable } from "./types";
import { readWorkbook, workbookFormat } from "./workbook";

export { ReadError, ReadErrors } from "./errors";
export type { ReadErrorDetails } from "./errors";
export { parseNumber } from "./number";

/**
 * Reads `source.file` (relative to `dataDir`) as declared.
 * Rejects with `ReadErrors` listing every problem found in the file (structural problems such as
 * a wrong separator stop the reading at once; value problems are all collected).
 */
export async function readSource(source: Source, dataDir: string): Promise<SourceTable> {
  return tableOf(source, dataDir, readRaw(source, dataDir));
}

/** What makes two sources' grids the same: one file, read the same way. */
const gridOf = (s: Source) => JSON.stringify([s.file, s.format, s.encoding, s.separator, s.headerRow, s.sheet]);

/** Grids being read elsewhere (e.g. on another thread), by `gridOf`. */
export type Workbooks = Map<string, Promise<RawTable>>;

/** Starts reading the workbooks among `sources` with `readWorkbook`, once each, for `readSources`. */
export function startWorkbooks(sources: Source[], readWorkbook: (source: Source) => Promise<RawTable>): Workbooks {
  const workbooks: Workbooks = new Map();
  for (const source of sources)
    if (source.format !== "csv" && !workbooks.has(gridOf(source))) {
      const grid = readWorkbook(source);
      grid.catch(() => {}); // awaited in turn by readSources
      workbooks.set(gridOf(source), grid);
    }
  return workbooks;
}

/**
 * Reads sources one after the other, as `readSource` does, but parses a file several of them
 * read (columns of one census base) once: the grid is kept until the last of them is built.
 */
export async function* readSources(sources: Source[], dataDir: string, workbooks: Workbooks = new Map()): AsyncGenerator<SourceTable> {
  const users = new Map<string, number>();
  for (const source of sources) users.set(gridOf(source), (users.get(gridOf(source)) ?? 0) + 1);
  const grids = new Map(workbooks);
  for (const source of sources) {
    const key = gridOf(source);
    if (!grids.has(key)) grids.set(key, readRaw(source, dataDir));
    const grid = grids.get(key)!;
    users.set(key, users.get(key)! - 1);
    if (users.get(key) === 0) grids.delete(key);
    yield await tableOf(source, dataDir, grid);
  }
}

/** The file's grid, as its format reader gives it. */
export async function readRaw(source: Source, dataDir: string): Promise<RawTable> {
  const path = resolve(dataDir, source.file);
  const file = shown(path);
  const bytes = await readBytes(path, file, source.file);
  checkFormat(bytes, source.format, file);
  return source.format === "csv"
    ? readCsv(decodeText(bytes, source.encoding, file), source.separator, source.headerRow, file)
    : readWorkbook(bytes, source.sheet, source.headerRow, file);
}

async function tableOf(source: Source, dataDir: string, raw: Promise<RawTable>): Promise<SourceTable> {
  try {
    return buildTable(await raw, source, shown(resolve(dataDir, source.file)));
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
      hint: `vérifiez le chemin déclaré (file: ${declared}), relatif au dossier des données (dataDir) ou absolu${near?.length ? ` ; fichiers proches dans ce dossier : ${quoteList(near)}` : ""}`,
    });
  }
}

const KINDS = {
  csv: "un fichier CSV",
  xlsx: "un classeur Excel (.xlsx)",
  xls: "un classeur Excel 97-2003 (.xls)",
  ods: "un classeur OpenDocument (.ods, LibreOffice)",
  zip: "une archive .zip",
};

/** The file's real kind, told by its bytes, against the declared format: which format to declare. */
function checkFormat(bytes: Buffer, format: Source["format"], file: string): void {
  const real = workbookFormat(bytes);
  if (real === format || (real === undefined && format === "csv")) return;
  if (real === undefined)
    throw new ReadError({
      file,
      problem: `le fichier n'est pas ${KINDS[format]} : il n'est d'aucun format de classeur (.xlsx, .xls, .ods)`,
      hint: "si c'est un fichier texte, déclarez format: csv (avec son séparateur et son encodage) ; sinon ouvrez-le dans le tableur et enregistrez-le au format déclaré",
    });
  throw new ReadError({
    file,
    problem: `le fichier est ${KINDS[real]}, pas ${KINDS[format]} comme déclaré (format: ${format})`,
    hint: real === "zip" ? "déclarez member: <nom du fichier à lire dans l'archive> à côté de file" : `déclarez format: ${real}`,
  });
}

/** A grid read on another thread, or the details of its read error (an error's class does not cross). */
export type GridMessage = { raw: RawTable } | { error: ReadErrorDetails };

export async function gridMessage(grid: Promise<RawTable>): Promise<GridMessage> {
  try {
    return { raw: await grid };
  } catch (e) {
    if (!(e instanceof ReadError)) throw e;
    const { file, line, column, found, problem, expected, hint } = e;
    return { error: { file, line, column, found, problem, expected, hint } };
  }
}

export function gridOfMessage(message: GridMessage): RawTable {
  if ("error" in message) throw new ReadError(message.error);
  return message.raw;
}
