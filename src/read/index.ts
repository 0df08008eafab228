// The read stage: one declared producer file → SourceTable, or every problem found in it.
import { isAbsolute, relative, resolve } from "node:path";
import { columnName, type Source } from "../declare/schemas";
import { inArchive, openBytes } from "./bytes";
import { readCsv } from "./csv";
import { adaptReceived } from "../partners/received";
import { ReadError, ReadErrors, type ReadErrorDetails } from "./errors";
import type { RawTable } from "./raw";
import { buildTable } from "./table";
import type { SourceTable } from "./types";
import { mayBeWorkbook, readWorkbook, workbookFormat } from "./workbook";

export { ReadError, ReadErrors } from "./errors";
export type { ReadErrorDetails } from "./errors";
export { parseNumber } from "./number";

/** Bytes read at a time: large enough that a row of the dossier complet (15 KB) is rarely cut. */
const CHUNK_BYTES = 1 << 20;

/**
 * Reads `source.file` (relative to `dataDir`) as declared.
 * Rejects with `ReadErrors` listing every problem found in the file (structural problems such as
 * a wrong separator stop the reading at once; value problems are all collected).
 */
export async function readSource(source: Source, dataDir: string): Promise<SourceTable> {
  return tableOf(source, dataDir, readRaw(source, dataDir));
}

/** What makes two sources' grids the same: one file, read the same way. */
const gridOf = (s: Source) => JSON.stringify([s.file, s.member, s.format, s.encoding, s.separator, s.headerRow, s.sheet]);

/** Header names of the columns `sources` read: codes, levels and variables. */
export function declaredColumns(sources: Source[]): Set<string> {
  return new Set(
    sources.flatMap(({ code, columns }) => [
      code.column,
      ...("levelColumn" in code ? [code.levelColumn] : []),
      ...Object.values(columns).map(columnName),
    ]),
  );
}

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
 * read (columns of one census base) once, keeping the columns of them all: the grid is kept until
 * the last of them is built.
 */
export async function* readSources(sources: Source[], dataDir: string, workbooks: Workbooks = new Map()): AsyncGenerator<SourceTable> {
  const readers = new Map<string, Source[]>();
  for (const source of sources) readers.set(gridOf(source), [...(readers.get(gridOf(source)) ?? []), source]);
  const users = new Map([...readers].map(([key, group]) => [key, group.length]));
  const grids = new Map(workbooks);
  for (const source of sources) {
    const key = gridOf(source);
    if (!grids.has(key)) grids.set(key, readRaw(source, dataDir, { columns: declaredColumns(readers.get(key)!) }));
    const grid = grids.get(key)!;
    users.set(key, users.get(key)! - 1);
    if (users.get(key) === 0) grids.delete(key);
    yield await tableOf(source, dataDir, grid);
  }
}

export interface ReadOptions {
  /** Header names of the CSV columns to keep; by default, those `source` reads. */
  columns?: Set<string>;
  /** Bytes read at a time (tests cut files into tiny chunks). */
  chunkBytes?: number;
}

/** The file's grid, as its format reader gives it: a CSV streamed, a workbook read whole. */
export async function readRaw(source: Source, dataDir: string, { columns = declaredColumns([source]), chunkBytes = CHUNK_BYTES }: ReadOptions = {}): Promise<RawTable> {
  const path = resolve(dataDir, source.file);
  const opened = await openBytes(source, path, shown(path), shown, chunkBytes);
  const { file, head, chunks } = opened;
  try {
    if (source.format === "csv" && !mayBeWorkbook(head)) return await readCsv(chunks, { ...source, columns }, file);
    const bytes = await opened.whole();
    checkFormat(bytes, source.format, file);
    return await readWorkbook(bytes, source.sheet, source.headerRow, file);
  } finally {
    await opened.close();
  }
}

async function tableOf(source: Source, dataDir: string, raw: Promise<RawTable>): Promise<SourceTable> {
  try {
    const file = shown(resolve(dataDir, source.file));
    // A partner's filled template is read as sent: its total row left out, renamed columns named back.
    const grid = source.partner ? adaptReceived(await raw, source).raw : await raw;
    return buildTable(grid, source, source.member === undefined ? file : inArchive(file, source.member));
  } catch (e) {
    throw e instanceof ReadError ? new ReadErrors([e]) : e;
  }
}

/** The path as the user would type it: relative to the working directory when inside it. */
export function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith("..") || isAbsolute(rel) ? path : rel;
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
    const { file, line, column, sheet, found, problem, expected, hint } = e;
    return { error: { file, line, column, sheet, found, problem, expected, hint } };
  }
}

export function gridOfMessage(message: GridMessage): RawTable {
  if ("error" in message) throw new ReadError(message.error);
  return message.raw;
}
