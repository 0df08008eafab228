// Writing producer-shaped files byte for byte: number formats, encodings, BOM (XLSX archives are
// stripped of their timestamps by src/partners/pinned-zip.ts).
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
