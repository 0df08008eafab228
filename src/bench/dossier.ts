// A synthetic INSEE dossier complet in its official layout (CODGEO, then about 1,900 variables; one
// row per commune, Corsica's 2A/2B included; counts, weighted counts with a decimal point, a few
// empty fields), and a source that reads 40 of its columns, as a census indicator file would.
import { closeSync, existsSync, openSync, readFileSync, statSync, writeFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import { sourceSchema, type Source } from "../declare/schemas";
import type { Skipped } from "./measure";
import { runTsx } from "./process";

/** The dossier complet's dictionary, where the real variable names are read (realdata/france). */
const META = "/work/shared/realdata/france/dossier-complet/meta_dossier_complet.csv";
const VARIABLES = 1_925;
const DECLARED = 40;
export const DOSSIER_FILE = "dossier_complet.csv";

export interface ReadMeasure {
  /** The read's own time, in the child process (its start and code loading left out). */
  ms: number;
  rows: number;
  /** The child's peak resident memory (Node and its code included). */
  peakBytes: number;
  fileBytes: number;
  columns: number;
  declared: number;
}

/** Reads the file written by `writeDossierComplet` in a child process (src/bench/read-task.ts). */
export async function measureRead(dir: string, { source, columns }: Dossier, timeoutMs: number): Promise<ReadMeasure | Skipped> {
  const run = await runTsx("src/bench/read-task.ts", [dir], timeoutMs);
  const line = run.lines.find((l) => l.text.startsWith('{"read":'));
  if (!run.ok || !line) return { skipped: run.timedOut ? "arrêtée : budget de temps atteint" : `échec : ${run.lines.slice(-3).map((l) => l.text).join(" / ")}` };
  const { ms, rows, peakBytes } = JSON.parse(line.text).read;
  return { ms, rows, peakBytes, fileBytes: statSync(join(dir, DOSSIER_FILE)).size, columns, declared: Object.keys(source.columns).length };
}

export interface Dossier {
  source: Source;
  /** Columns of the file, CODGEO included. */
  columns: number;
}

/** Writes the file and its source declaration (`source.json`) into `dir`. */
export function writeDossierComplet(dir: string, communes = 35_000): Dossier {
  const names = variableNames();
  const pool = valuePool();
  const out = openSync(join(dir, DOSSIER_FILE), "w");
  try {
    writeSync(out, `CODGEO;${names.join(";")}\n`);
    let state = 0x2545f491;
    const rows: string[] = [];
    for (const code of communeCodes(communes)) {
      const fields = [code];
      for (let v = 0; v < names.length; v++) {
        state ^= state << 13; // xorshift32: the same bytes on every run
        state ^= state >>> 17;
        state ^= state << 5;
        fields.push(pool[state & (pool.length - 1)]);
      }
      rows.push(fields.join(";"));
      if (rows.length === 100) writeSync(out, `${rows.splice(0).join("\n")}\n`);
    }
    if (rows.length) writeSync(out, `${rows.join("\n")}\n`);
  } finally {
    closeSync(out);
  }
  const step = Math.floor(names.length / DECLARED);
  const declared = Array.from({ length: DECLARED }, (_, i) => names[i * step]);
  const source = sourceSchema.parse({
    id: "dossier-complet",
    producer: "INSEE",
    dataset: "Dossier complet (synthétique)",
    vintage: "2021",
    licence: "Licence Ouverte 2.0",
    file: DOSSIER_FILE,
    format: "csv",
    decimal: ".",
    code: { column: "CODGEO", level: "commune" },
    columns: Object.fromEntries(declared.map((name) => [name.toLowerCase(), name])),
  });
  writeFileSync(join(dir, "source.json"), JSON.stringify(source));
  return { source, columns: names.length + 1 };
}

/** COD_VAR of the dictionary when it is there (one per variable, in order), else names of the same shape. */
function variableNames(): string[] {
  if (existsSync(META)) {
    const lines = readFileSync(META, "utf8").split(/\r?\n/).slice(1);
    const names = [...new Set(lines.map((line) => line.split(";")[0]).filter((name) => name !== "" && name !== "CODGEO"))];
    if (names.length > 0) return names;
  }
  const stems = ["POP", "POP0014", "POP1529", "POP3044", "POP4559", "POP6074", "POP75P", "MEN", "LOG", "RP", "ACT1564", "CHOM1564", "SAL15P"];
  return Array.from({ length: VARIABLES }, (_, i) => `${i % 2 ? "C" : "P"}${21 - (Math.floor(i / 26) % 3) * 5}_${stems[i % stems.length]}${Math.floor(i / stems.length)}`);
}

/** 35,000 codes over the départements, 2A and 2B in place of 20: "01001" … "2A001" … */
function communeCodes(count: number): string[] {
  const departements = Array.from({ length: 95 }, (_, i) => String(i + 1).padStart(2, "0")).flatMap((d) => (d === "20" ? ["2A", "2B"] : [d]));
  const perDepartement = Math.ceil(count / departements.length);
  return Array.from({ length: count }, (_, i) => `${departements[Math.floor(i / perDepartement)]}${String((i % perDepartement) + 1).padStart(3, "0")}`);
}

/** Values as the dossier complet writes them: counts, weighted counts ("386.031173335763"), rates, empty fields. */
function valuePool(): string[] {
  let seed = 12345;
  const random = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
  return Array.from({ length: 1 << 16 }, (_, i) => {
    if (i % 50 === 0) return "";
    if (i % 3 === 0) return String(Math.floor(random() * 5000));
    if (i % 3 === 1) return (random() * 2000).toFixed(12).replace(/0+$/, "").replace(/\.$/, "");
    return (random() * 100).toFixed(1);
  });
}
