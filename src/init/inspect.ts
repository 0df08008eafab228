// Every file of the data folder, opened as the build will open it (src/read), with what init needs to
// recognise it: the header, the values of its columns (or of its code columns only, for a large file),
// how the text is written, and for a GeoJSON the properties of its features.
import { open, readFile, readdir, stat } from "node:fs/promises";
import { extname, join, relative, sep } from "node:path";
import type { Source } from "../declare/schemas";
import { openBytes } from "../read/bytes";
import { readRaw } from "../read/index";
import type { RawValue } from "../read/raw";
import { workbookFormat } from "../read/workbook";
import { zipMembers } from "../read/zip";
import { sniffText, sniffValues, type TextLayout, type ValueMarks } from "./sniff";

/** Above this size only the columns that may hold a code are kept (the dossier complet weighs 600 MB). */
const WHOLE_BYTES = 50e6;
const HEAD_BYTES = 64 * 1024;
/** Columns that may hold the territory's code, besides the first one. */
export const CODE_COLUMNS = ["CODGEO", "COM", "DEP", "REG", "DEPCOM", "CODE_COMMUNE", "CODE COMMUNE", "CODGEO_2024", "CODE_INSEE", "INSEE_COM"];

export type TableFormat = Source["format"];

export interface InspectedTable {
  kind: "table";
  /** Path relative to the data folder, with forward slashes. */
  file: string;
  member?: string;
  format: TableFormat;
  size: number;
  text?: TextLayout;
  sheet?: string;
  headerRow: number;
  header: string[];
  /** Column → values, for the columns kept (all of them, or the code columns of a large file). */
  values: Map<string, RawValue[]>;
  rows: number;
  marks: ValueMarks;
}

export interface InspectedGeo {
  kind: "geojson";
  file: string;
  features: Record<string, unknown>[];
}

export interface Unreadable {
  kind: "unreadable";
  file: string;
  member?: string;
  problem: string;
}

export type Inspected = InspectedTable | InspectedGeo | Unreadable;

const TABLE_EXTENSIONS = new Set([".csv", ".txt", ".xlsx", ".xls", ".ods", ".zip"]);
const GEO_EXTENSIONS = new Set([".geojson", ".json"]);

/** The files of `folder` and its subfolders, in name order so that the same folder gives the same configuration. */
export async function listFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && !e.name.startsWith("."))
    .map((e) => relative(folder, join(e.parentPath, e.name)).split(sep).join("/"))
    .sort();
}

export async function inspectFolder(folder: string): Promise<Inspected[]> {
  const found: Inspected[] = [];
  for (const file of await listFiles(folder)) {
    const extension = extname(file).toLowerCase();
    if (GEO_EXTENSIONS.has(extension)) found.push(await inspectGeo(folder, file));
    else if (TABLE_EXTENSIONS.has(extension)) found.push(...(await inspectTables(folder, file)));
  }
  return found;
}

async function inspectGeo(folder: string, file: string): Promise<Inspected> {
  try {
    const json = JSON.parse(await readFile(join(folder, file), "utf8")) as { type?: string; features?: { properties?: Record<string, unknown> }[] };
    if (json.type !== "FeatureCollection" || !Array.isArray(json.features)) return { kind: "unreadable", file, problem: "JSON sans FeatureCollection (ni GeoJSON de contours)" };
    return { kind: "geojson", file, features: json.features.map((f) => f.properties ?? {}) };
  } catch (e) {
    return { kind: "unreadable", file, problem: `JSON illisible (${(e as Error).message})` };
  }
}

/** A file, or each CSV and workbook of a .zip archive. */
async function inspectTables(folder: string, file: string): Promise<Inspected[]> {
  const path = join(folder, file);
  const handle = await open(path);
  const head = Buffer.alloc(8);
  await handle.read(head, 0, 8, 0);
  const members = head.readUInt32LE(0) === 0x04034b50 ? await zipMembers(handle) : undefined;
  await handle.close();
  const plainZip = members && !members.some((m) => m.name === "[Content_Types].xml" || m.name === "mimetype");
  if (!plainZip) return [await inspectTable(folder, file, undefined, (await stat(path)).size)];
  const inside = members.filter((m) => TABLE_EXTENSIONS.has(extname(m.name).toLowerCase()) && extname(m.name).toLowerCase() !== ".zip");
  if (inside.length === 0) return [{ kind: "unreadable", file, problem: `archive sans fichier CSV ni classeur (${members.map((m) => m.name).join(", ")})` }];
  return Promise.all(inside.map((m) => inspectTable(folder, file, m.name, m.size)));
}

async function inspectTable(folder: string, file: string, member: string | undefined, size: number): Promise<Inspected> {
  const stub = { id: "init", file, member, format: "csv", sheet: undefined, columns: {} } as unknown as Source;
  try {
    const opened = await openBytes(stub, join(folder, file), file, (p) => p, HEAD_BYTES);
    let first = new Uint8Array(0);
    for await (const chunk of opened.chunks) {
      first = Uint8Array.from(chunk);
      break;
    }
    await opened.close();
    const bytesFormat = workbookFormat(first.length >= 8 && first[0] === 0x50 ? await wholeBytes(folder, file, member, stub) : first);
    if (bytesFormat === "zip") return { kind: "unreadable", file, member, problem: "archive .zip imbriquée" };
    return bytesFormat ? await inspectWorkbook(folder, file, member, size, bytesFormat) : await inspectCsv(folder, file, member, size, first);
  } catch (e) {
    return { kind: "unreadable", file, member, problem: (e as Error).message };
  }
}

async function wholeBytes(folder: string, file: string, member: string | undefined, stub: Source): Promise<Buffer> {
  const opened = await openBytes(stub, join(folder, file), file, (p) => p, HEAD_BYTES);
  try {
    return await opened.whole();
  } finally {
    await opened.close();
  }
}

async function inspectCsv(folder: string, file: string, member: string | undefined, size: number, first: Uint8Array): Promise<InspectedTable> {
  const text = sniffText(first);
  const source = { id: "init", file, member, format: "csv", encoding: text.encoding, separator: text.separator, headerRow: text.headerRow, columns: {} } as unknown as Source;
  const header = (await readRaw(source, folder, { columns: new Set() })).header;
  const kept = size <= WHOLE_BYTES ? header : header.filter((name, i) => i === 0 || CODE_COLUMNS.includes(name.toUpperCase()));
  const raw = await readRaw(source, folder, { columns: new Set(kept) });
  const values = new Map(raw.header.flatMap((name, i) => (raw.columns[i] ? [[name, raw.columns[i]!] as const] : [])));
  // A large file's marks come from its first lines, all columns.
  const sample = size <= WHOLE_BYTES ? [...values.values()] : header.map((_, c) => raw.preview.slice(text.headerRow).map((row) => row[c]));
  return { kind: "table", file, member, format: "csv", size, text, headerRow: text.headerRow, header, values, rows: raw.lines.length, marks: sniffValues(sample) };
}

async function inspectWorkbook(folder: string, file: string, member: string | undefined, size: number, format: TableFormat): Promise<InspectedTable> {
  const source = (headerRow: number) => ({ id: "init", file, member, format, headerRow, columns: {} }) as unknown as Source;
  const first = await readRaw(source(1), folder, { columns: new Set() });
  // Title rows above the header: the header is the first row about as full as the fullest one.
  const filled = first.preview.map((row) => row.filter((v) => v !== "").length);
  const widest = Math.max(...filled);
  // Of several full rows of text at the top (labels, then codes), the header is the last.
  const full = (r: number) => filled[r] >= Math.max(2, widest * 0.8);
  const texts = (r: number) => first.preview[r].every((v) => v === "" || !/^[\d\s.,-]+$|^\d[\dAB]\d{3}$/.test(v));
  let top = Math.max(0, filled.findIndex((_, r) => full(r)));
  while (top + 1 < first.preview.length && full(top + 1) && texts(top + 1)) top++;
  const headerRow = top + 1;
  const raw = headerRow === 1 ? first : await readRaw(source(headerRow), folder, { columns: new Set() });
  const values = new Map(raw.header.map((name, i) => [name, raw.columns[i] ?? []] as const));
  const marks = sniffValues([...values.values()].map((column) => column.map((v) => (typeof v === "number" ? String(v) : v))));
  return { kind: "table", file, member, format, size, headerRow, header: raw.header, values, rows: raw.lines.length, marks };
}
