// How a text file is written, told once from its first bytes and rows, so that init can write it down
// as a declaration: the build itself never guesses (src/read checks what is declared).
import { isUtf8 } from "node:buffer";
import { parseNumber } from "../read/number";
import type { RawValue } from "../read/raw";

const SEPARATORS = [";", ",", "\t", "|"] as const;
/** Words producers put in a numeric column instead of a value, and what they mean. */
const SECRET_WORDS = new Set(["s", "secret", "c", "sec", "nc"]);
const MISSING_WORDS = new Set(["", "nd", "n.d.", "na", "n/a", "-", "…", "x"]);

export interface TextLayout {
  bom: boolean;
  encoding: "utf-8" | "latin1";
  separator: string;
  /** 1-based line of the column names: the first line with as many fields as the rows after it. */
  headerRow: number;
}

/** Encoding, separator and header line of a CSV from its first bytes (a character cut at the end is no evidence). */
export function sniffText(head: Uint8Array): TextLayout {
  const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
  const body = Buffer.from(head.subarray(bom ? 3 : 0));
  const whole = body.subarray(0, Math.max(0, lastLineEnd(body)));
  const encoding = isUtf8(whole) ? "utf-8" : "latin1";
  const lines = whole.toString("latin1").split(/\r\n|\r|\n/).map((text, i) => ({ text, line: i + 1 })).filter((l) => l.text.trim() !== "").slice(0, 50);
  const texts = lines.map((l) => l.text);
  const separator = [...SEPARATORS].sort((a, b) => score(texts, b) - score(texts, a))[0];
  const fields = texts.map((l) => l.split(separator));
  const usual = mode(fields.slice(Math.floor(fields.length / 2)).map((f) => f.length));
  const wide = lines.filter((_, i) => fields[i].length === usual);
  // Title rows exported from a spreadsheet are padded to the table's width with empty fields; the
  // header names every column.
  const header = wide.find((l) => l.text.split(separator).every((f) => f.trim() !== "")) ?? wide[0];
  return { bom, encoding, separator, headerRow: header?.line ?? 1 };
}

/** A separator scores by how many fields it gives, if every line of the sample gives about as many. */
function score(lines: string[], separator: string): number {
  const counts = lines.map((l) => l.split(separator).length - 1);
  const usual = mode(counts);
  return usual === 0 ? 0 : counts.filter((n) => n === usual).length * usual;
}

function mode(values: number[]): number {
  const seen = new Map<number, number>();
  for (const v of values) seen.set(v, (seen.get(v) ?? 0) + 1);
  return [...seen].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? 0;
}

function lastLineEnd(bytes: Buffer): number {
  const lf = bytes.lastIndexOf(0x0a);
  const cr = bytes.lastIndexOf(0x0d);
  return Math.max(lf, cr) + 1 || bytes.length;
}

export interface ValueMarks {
  decimal: "," | ".";
  /** A comma decimal was seen (a rate « 48,0 »), a dot decimal, or neither (integers only). */
  seen: { comma: number; dot: number };
  secretTokens: string[];
  missingTokens: string[];
}

/** Decimal mark and secret and missing markers, from the values of the numeric columns. */
export function sniffValues(columns: RawValue[][]): ValueMarks {
  const seen = { comma: 0, dot: 0 };
  const words = new Map<string, number>();
  for (const column of columns) {
    const texts = column.filter((v): v is string => typeof v === "string").map((v) => v.trim());
    const numeric = texts.filter((v) => parseNumber(v, ",") !== undefined);
    if (numeric.length < texts.filter((v) => v !== "").length / 2) continue; // a column of names or codes
    for (const v of numeric) {
      if (/^-?\d+,\d+$/.test(v)) seen.comma++;
      else if (/^-?\d+\.\d+$/.test(v)) seen.dot++;
    }
    for (const v of texts) if (parseNumber(v, ",") === undefined) words.set(v.toLowerCase(), (words.get(v.toLowerCase()) ?? 0) + 1);
  }
  const tokens = [...words.keys()].sort();
  return {
    // A comma anywhere decides: INSEE writes rates with a comma beside weighted counts with a dot.
    decimal: seen.comma > 0 || seen.dot === 0 ? "," : ".",
    seen,
    secretTokens: tokens.filter((t) => SECRET_WORDS.has(t)),
    missingTokens: tokens.filter((t) => MISSING_WORDS.has(t)),
  };
}
