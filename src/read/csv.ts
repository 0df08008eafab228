// CSV bytes → raw grid, streamed from the file or from a .zip member: of INSEE's dossier complet
// (35,000 communes × 1,900 columns), only the columns the declarations read are kept. Every value
// stays a string: "01001" and "2A004" are codes, not numbers. The header and the first lines are
// kept whole, for the messages that propose column names or spot a header on the wrong line.
import { CsvParser, type CsvRecord } from "./csv-parser";
import { Decoding, type Encoding } from "./decode";
import { ReadError } from "./errors";
import type { RawTable, RawValue } from "./raw";

const SEPARATORS = [";", ",", "\t", "|"];
const PREVIEW_LINES = 30;
const BOM = [0xef, 0xbb, 0xbf];

export interface CsvOptions {
  encoding: Encoding;
  separator: string;
  headerRow: number;
  /** Header names of the columns to keep; the others are skipped, their values never decoded. */
  columns: Set<string>;
}

export async function readCsv(chunks: AsyncIterable<Uint8Array>, { encoding, separator, headerRow, columns: wanted }: CsvOptions, file: string): Promise<RawTable> {
  if (separator.charCodeAt(0) >= 0x80)
    throw new ReadError({ file, problem: `le séparateur déclaré, « ${separator} », n'est pas pris en charge`, hint: "déclarez le séparateur du fichier : ';', ',', '|' ou \"\\t\" (tabulation)" });
  const decoding = new Decoding(encoding, file);
  let header: string[] | undefined;
  let kept: number[] = []; // positions of the kept columns, by slot
  const columns: (RawValue[] | undefined)[] = [];
  const lines: number[] = [];
  const onRecord = (record: CsvRecord) => {
    if (header) return addRow(record);
    header = record.values.slice(0, record.fields).map((name) => name.trim());
    const slots = new Int32Array(header.length).fill(-1);
    kept = header.flatMap((name, position) => (wanted.has(name) ? [position] : []));
    kept.forEach((position, slot) => (slots[position] = slot));
    header.forEach((_, position) => (columns[position] = slots[position] >= 0 ? [] : undefined));
    parser.keep(slots);
  };
  // A blank line is left out here, where every field is seen (RawTable.columns).
  const addRow = ({ line, fields, blank, values }: CsvRecord) => {
    if (blank) return;
    lines.push(line);
    for (let slot = 0; slot < kept.length; slot++) columns[kept[slot]]!.push(kept[slot] < fields ? values[slot] : undefined);
  };
  const parser = new CsvParser(separator.charCodeAt(0), headerRow, (bytes, length) => decoding.text(bytes, length), onRecord);

  const head: Uint8Array[] = []; // the first lines, for `preview` and the separator check
  let text = false; // anything but spaces and line ends
  for await (const chunk of withoutBom(chunks)) {
    decoding.check(chunk, (offset) => parser.lineAt(chunk, offset));
    if (parser.line <= Math.max(PREVIEW_LINES, headerRow)) head.push(Uint8Array.from(chunk)); // a copy: the chunk is reused
    text ||= chunk.some((b) => b !== 0x20 && (b < 0x09 || b > 0x0d));
    parser.push(chunk);
  }
  decoding.end();
  parser.finish();

  if (!text)
    throw new ReadError({ file, problem: "le fichier est vide", hint: "vérifiez que le bon fichier a été déposé : il doit contenir une ligne d'en-tête puis une ligne par territoire" });
  if (parser.lines < headerRow)
    throw new ReadError({
      file,
      problem: `le fichier n'a que ${parser.lines} ligne(s) alors que l'en-tête est déclaré ligne ${headerRow}`,
      hint: "corrigez headerRow (numéro de la ligne des noms de colonnes)",
    });
  const first = decoding.lenient(Buffer.concat(head)).split(/\r\n|\r|\n/);
  if (header!.length === 1) checkSeparator(first[headerRow - 1], separator, headerRow, file);
  return {
    headerLine: headerRow,
    header: header!,
    columns,
    lines,
    preview: first.slice(0, PREVIEW_LINES).map((l) => l.split(separator).map((f) => f.trim().replace(/^"(.*)"$/, "$1"))),
  };
}

/** The chunks without a UTF-8 BOM, which may come in several. */
async function* withoutBom(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  let start: Uint8Array | undefined = new Uint8Array(0);
  for await (const chunk of chunks) {
    if (!start) {
      yield chunk;
      continue;
    }
    start = Buffer.concat([start, chunk]);
    if (start.length < BOM.length) continue;
    yield BOM.every((b, i) => start![i] === b) ? start.subarray(BOM.length) : start;
    start = undefined;
  }
  if (start) yield start;
}

/** A header read as a single column that contains another separator: the declared separator is wrong. */
function checkSeparator(headerLine: string, declared: string, line: number, file: string): void {
  const counts = SEPARATORS.filter((s) => s !== declared).map((s) => ({ s, n: headerLine.split(s).length - 1 }));
  const best = counts.sort((a, b) => b.n - a.n)[0];
  if (best.n === 0) return;
  throw new ReadError({
    file,
    line,
    found: headerLine,
    problem: `l'en-tête ne forme qu'une seule colonne, qui contient des ${show(best.s)}`,
    expected: `des colonnes séparées par ${show(declared)}`,
    hint: `vérifiez le séparateur déclaré (separator: ${yaml(declared)}) : ce fichier semble séparé par ${show(best.s)}, déclarez separator: ${yaml(best.s)}`,
  });
}

const show = (s: string) => (s === "\t" ? "tabulations" : `« ${s} »`);
const yaml = (s: string) => (s === "\t" ? '"\\t"' : `'${s}'`);
