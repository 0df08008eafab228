// The referential CSVs are small, `;`-separated and UTF-8: a minimal reader that keeps every
// value as a string (codes have leading zeros) and remembers each row's line number.
import { readFileSync } from "node:fs";
import { TerritoryError, atLine } from "./errors";

export interface CsvRow {
  line: number; // 1-based line in the file (the header is line 1)
  values: Record<string, string>;
}

/** Splits one line on `;`, honouring double quotes ("a;b" and "" escapes). */
function splitLine(text: string): string[] {
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (c === ";" && !quoted) {
      fields.push(field);
      field = "";
    } else {
      field += c;
    }
  }
  fields.push(field);
  return fields.map((f) => f.trim());
}

/** Reads a CSV whose header must contain `columns` (case-insensitive, any order, extra columns ignored). */
export function readCsv(file: string, columns: string[]): CsvRow[] {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    throw new TerritoryError(file, ["fichier introuvable ou illisible"]);
  }
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const header = splitLine(lines[0] ?? "").map((h) => h.toLowerCase());
  const missing = columns.filter((c) => !header.includes(c));
  if (missing.length > 0)
    throw new TerritoryError(file, [
      `colonne(s) absente(s) de l'en-tête : ${missing.join(", ")} (en-tête lu : « ${lines[0] ?? ""} » ; séparateur attendu « ; »)`,
    ]);

  const rows: CsvRow[] = [];
  const problems: string[] = [];
  lines.slice(1).forEach((text, i) => {
    const line = i + 2;
    if (text.trim() === "") return;
    const fields = splitLine(text);
    if (fields.length !== header.length) {
      problems.push(atLine(line, `${fields.length} valeur(s) au lieu de ${header.length}`));
      return;
    }
    rows.push({ line, values: Object.fromEntries(header.map((h, j) => [h, fields[j]])) });
  });
  if (problems.length > 0) throw new TerritoryError(file, problems);
  return rows;
}
