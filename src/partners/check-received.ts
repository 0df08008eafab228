// `npm run check` on a partner's file: the filled template compared with the template it was sent
// (communes missing or added, columns unknown, negative counts, counts of 1 to 4), every message
// naming the cell as the spreadsheet shows it (Communes!D14).
import { resolve } from "node:path";
import type { Source } from "../declare/schemas";
import type { Finding } from "../quality/findings";
import { cellName } from "../read/cell";
import { ReadErrors, readRaw, readSource, shown } from "../read/index";
import type { SourceRow } from "../read/types";
import type { Territories } from "../territories/types";
import { adaptReceived } from "./received";
import { templateOf } from "./template";

/** Cells listed in a message, at most. */
const LISTED = 6;

export async function checkReceived(source: Source, dataDir: string, territories: Territories): Promise<Finding[]> {
  const file = shown(resolve(dataDir, source.file));
  const template = templateOf(source, territories);
  const raw = await readRaw(source, dataDir);
  const { notes } = adaptReceived(raw, source);
  const at = (column: number, line: number) => (raw.sheet ? cellName(raw.sheet, column, line) : `ligne ${line}, colonne ${column}`);
  const finding = (severity: Finding["severity"], rule: string, message: string, line?: number): Finding => ({ rule, severity, file, line, message: `${file}, ${message}` });
  const findings = notes.map((n) => finding("info", "partner-adapted", `${n.where} : ${n.message}`, n.line));

  const known = new Set(template.columns.map((c) => c.name));
  raw.header.forEach((name, i) => {
    if (name !== "" && !known.has(name))
      findings.push(finding("warning", "partner-column", `${at(i + 1, raw.headerLine)} : colonne « ${name} » inconnue du modèle, ignorée (le modèle ne demande que ${template.columns.length} colonnes)`, raw.headerLine));
  });

  let rows: SourceRow[];
  try {
    rows = (await readSource(source, dataDir)).rows;
  } catch (error) {
    if (!(error instanceof ReadErrors)) throw error;
    return [...findings, ...error.errors.map((e) => ({ rule: "read", severity: "error" as const, file: e.file, line: e.line, message: e.message }))];
  }

  if (template.level !== "iris") {
    const sent = new Set(rows.map((r) => r.code));
    const expected = new Map(template.rows.map((r) => [r.code, r.name]));
    const missing = template.rows.filter((r) => !sent.has(r.code));
    if (missing.length)
      findings.push(
        finding("warning", "partner-rows", `${missing.length} ligne(s) du modèle absente(s) : ${listed(missing.map((r) => `${r.code} ${r.name}`))} ; leurs données seront « non disponible » : demandez-les au partenaire`),
      );
    const codePos = raw.header.indexOf(source.code.column) + 1;
    for (const row of rows.filter((r) => !expected.has(r.code)))
      findings.push(finding("warning", "partner-rows", `${at(codePos, row.line)} : « ${row.code} » n'est pas une ligne du modèle (territoires du département) ; ignorée`, row.line));
  }

  for (const column of template.columns.filter((c) => c.variable)) {
    const position = raw.header.indexOf(column.name) + 1;
    const negative = rows.filter((r) => okValue(r, column.variable!) < 0);
    const small = rows.filter((r) => okValue(r, column.variable!) > 0 && okValue(r, column.variable!) < 5);
    for (const row of negative)
      findings.push(finding("error", "partner-negative", `${at(position, row.line)} : ${okValue(row, column.variable!)} dans « ${column.name} » : un effectif n'est jamais négatif ; demandez la bonne valeur au partenaire`, row.line));
    if (small.length)
      findings.push(
        finding(
          "info",
          "partner-small",
          `colonne « ${column.name} » : ${small.length} valeur(s) de 1 à 4 (${listed(small.map((r) => at(position, r.line)))}) ; jamais publiées (secret statistique), la convention demande « ${template.secret} »`,
        ),
      );
  }
  return findings;
}

/** A cell's number, NaN when it has none (secret, not transmitted, IRIS rolled up). */
function okValue(row: SourceRow, variable: string): number {
  const cell = row.cells[variable];
  return cell?.status === "ok" ? cell.value : NaN;
}

const listed = (items: string[]) => items.slice(0, LISTED).join(", ") + (items.length > LISTED ? `… (${items.length} en tout)` : "");
