// Writing producer-shaped files byte for byte: number formats, encodings, BOM, and XLSX archives
// stripped of their timestamps so the same seed gives the same bytes.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

export type Line = (string | number)[];

/** A count as INSEE writes it: integers as is, weighted counts with up to 15 significant digits. */
export function weighted(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return value.toPrecision(15).replace(/0+$/, "").replace(/\.$/, "").replace(".", ",");
}

/** A rate or amount published with a fixed number of decimals. */
export function fixed(value: number, decimals: number): string {
  return value.toFixed(decimals).replace(".", ",");
}

/** Semicolon-separated lines, LF endings, as French producers write them. */
export function csv(lines: Line[]): string {
  return lines.map((line) => line.join(";")).join("\n") + "\n";
}

export interface FileWriter {
  /** Writes `relative` under the output folder and remembers it. */
  text(relative: string, content: string, options?: { bom?: boolean; encoding?: "utf-8" | "latin1" }): void;
  binary(relative: string, content: Uint8Array): void;
  readonly written: string[];
}

export function fileWriter(outDir: string): FileWriter {
  const written: string[] = [];
  const put = (relative: string, bytes: Uint8Array) => {
    const path = join(outDir, relative);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, bytes);
    written.push(relative);
  };
  return {
    written,
    text(relative, content, { bom = false, encoding = "utf-8" } = {}) {
      if (encoding === "latin1") {
        const bad = [...content].find((ch) => ch.charCodeAt(0) > 0xff);
        if (bad) throw new Error(`${relative} : « ${bad} » ne s'écrit pas en Latin-1`);
        put(relative, Buffer.from(content, "latin1"));
      } else put(relative, Buffer.from((bom ? "\uFEFF" : "") + content, "utf8"));
    },
    binary: put,
  };
}

/**
 * Zip archives (XLSX) record each entry's modification time: set them all to one fixed DOS date,
 * in the local headers and in the central directory, so the archive depends on its content only.
 */
export function pinZipDates(zip: Uint8Array, year = 2024, month = 1, day = 1): Uint8Array {
  const out = Buffer.from(zip);
  const dosDate = ((year - 1980) << 9) | (month << 5) | day;
  let end = out.length - 22;
  while (end >= 0 && out.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error("archive zip sans répertoire central");
  let entry = out.readUInt32LE(end + 16);
  for (let k = out.readUInt16LE(end + 10); k > 0; k--) {
    const local = out.readUInt32LE(entry + 42);
    out.writeUInt16LE(0, entry + 12);
    out.writeUInt16LE(dosDate, entry + 14);
    out.writeUInt16LE(0, local + 10);
    out.writeUInt16LE(dosDate, local + 12);
    entry += 46 + out.readUInt16LE(entry + 28) + out.readUInt16LE(entry + 30) + out.readUInt16LE(entry + 32);
  }
  return out;
}
