// What init says of a file, in French: in the comments it writes and in what it prints.
import type { Level } from "../declare/schemas";
import type { InspectedTable } from "./inspect";
import type { Recognition } from "./layouts";
import type { LegalVintage } from "./legal-vintage";
import { levelOfCodes, rowsOfDepartement } from "./levels";

const LEVELS: Record<Level, string> = { commune: "communes", epci: "intercommunalités (EPCI)", group: "groupes", departement: "départements", region: "régions", france: "France" };
const quote = (tokens: string[]) => (tokens.length ? tokens.map((t) => (t === "" ? "cellule vide" : `« ${t} »`)).join(", ") : "aucun");

export const shownFile = (t: { file: string; member?: string }) => (t.member ? `${t.file} › ${t.member}` : t.file);

/** How the file is written, as declared. */
export function writing(table: InspectedTable): string {
  const text = table.text
    ? `${table.text.encoding === "utf-8" ? "UTF-8" : "Latin-1 (Windows-1252)"}${table.text.bom ? " avec BOM" : ""}, séparateur ${table.text.separator === "\t" ? "tabulation" : `« ${table.text.separator} »`}`
    : `classeur ${table.format}`;
  const { comma, dot } = table.marks.seen;
  const decimal = comma ? `virgule décimale (${comma} nombres à virgule${dot ? `, ${dot} à point, lus aussi` : ""})` : dot ? `point décimal (${dot} nombres)` : "nombres entiers seulement";
  return `${text}, ${decimal}, en-tête ligne ${table.headerRow}`;
}

export function recognitionLines(table: InspectedTable, r: Recognition, departement: string, legal?: LegalVintage): string[] {
  const codes = table.values.get(r.codeColumn) ?? [];
  const own = rowsOfDepartement(codes, r.level.level, departement);
  return [
    `Fichier ${shownFile(table)} : ${r.layout}.`,
    `Reconnu (${r.confidence}) par ses colonnes : ${r.evidence}.`,
    `Niveau : ${LEVELS[r.level.level]} (${r.level.confidence} : ${r.level.why}) ; ${table.rows} lignes, dont ${own} du département ${departement}.`,
    `Lu : ${writing(table)} ; secret ${quote(r.secretTokens ?? table.marks.secretTokens)}.`,
    ...(legal ? [`Millésime non écrit dans le fichier : ${legal.vintage}, ${legal.how}${legal.sure ? "." : " ; À VÉRIFIER."}`] : []),
  ];
}

/** An unrecognised table: what is in it, and how to declare it. */
export function unknownLines(table: InspectedTable, departement: string): string[] {
  const code = table.header[0];
  const values = table.values.get(code) ?? [];
  const level = levelOfCodes(values)?.level;
  const shownColumns = table.header.slice(0, 12).join(", ") + (table.header.length > 12 ? `… (${table.header.length} colonnes)` : "");
  return [
    `${shownFile(table)} : non reconnu. Colonnes : ${shownColumns}.`,
    `${table.rows} lignes${level ? ` de ${LEVELS[level]}` : ""}, dont ${rowsOfDepartement(values, level, departement)} du département ${departement} (d'après la colonne ${code}) ; ${writing(table)}.`,
    `Pour le lire, déclarer une source : id, producer, dataset, vintage, licence, file: ${table.file}${table.member ? `, member: ${table.member}` : ""}, format: ${table.format}, code: { column: ${code}, level: ${level ?? "commune"} }, columns: { variable: COLONNE }.`,
  ];
}
