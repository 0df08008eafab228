// The workbook a partner is asked to fill, as plain data built from a source's declaration: its
// columns headed by the exact names the build reads, one row per territory of the referential.
// The writer (workbook.ts), the notice (notice.ts) and the annex (annex.ts) all start from it, so
// none of them can ask for something the build would not read.
import { columnName, type Source } from "../declare/schemas";
import type { Territories } from "../territories/types";

export interface TemplateColumn {
  /** The header cell: exactly the column name the declaration reads. */
  name: string;
  /** The declared variable the column gives; undefined for the code and the names, there to help the partner. */
  variable?: string;
  definition: string;
  unit: string;
  period: string;
  universe: string;
}

export interface TemplateRow {
  code: string;
  name: string;
  /** The commune's EPCI, by name when it is portrayed. */
  epci?: string;
}

export interface Template {
  sourceId: string;
  producer: string;
  dataset: string;
  vintage: string;
  licence: string;
  /** Name of the files written, without extension: the source and the vintage asked (departement_2023). */
  fileBase: string;
  /** Rows are communes, EPCIs, or IRIS (which the referential does not list: the partner adds one row each). */
  level: "commune" | "epci" | "iris";
  sheet: string;
  columns: TemplateColumn[];
  rows: TemplateRow[];
  /** The marker of a secret value the build reads (first of secretTokens). */
  secret: string;
  contact: string;
  deadline?: string;
  departement: string;
}

/** Why a source cannot have a template, if it cannot. */
export function templateProblem(source: Source): string | undefined {
  if (!source.partner) return "ce n'est pas une source de partenaire (clé partner absente)";
  if (!("level" in source.code)) return "un modèle ne porte qu'un niveau : déclarez code.level au lieu de code.levelColumn";
  if (!["commune", "epci"].includes(source.code.level)) return `un modèle se remplit par commune, par IRIS ou par EPCI, pas au niveau ${source.code.level}`;
  if (!source.missingTokens.includes("")) return "le modèle laisse vide ce qui n'est pas transmis : missingTokens doit contenir \"\"";
  return undefined;
}

/** The columns of the template in order: the code, the names, then each declared variable (positions the reader relies on). */
export function templateColumns(source: Source): TemplateColumn[] {
  const partner = source.partner!;
  const level = levelOf(source);
  const help = (name: string, definition: string): TemplateColumn => ({ name, definition, unit: "texte", period: partner.period, universe: partner.universe });
  const names =
    level === "epci"
      ? [help(NAME_COLUMN.epci, "Nom de l'EPCI (pour se repérer, non lu)")]
      : [help(NAME_COLUMN.commune, "Nom de la commune (pour se repérer, non lu)"), help(EPCI_COLUMN, "EPCI de la commune (pour se repérer, non lu)")];
  return [
    help(source.code.column, CODE_DEFINITION[level]),
    ...names,
    ...Object.entries(source.columns).map(([variable, ref]): TemplateColumn => {
      const described = partner.variables[variable];
      return {
        name: columnName(ref),
        variable,
        definition: described?.definition ?? variable,
        unit: described?.unit ?? "nombre",
        period: described?.period ?? partner.period,
        universe: described?.universe ?? partner.universe,
      };
    }),
  ];
}

export const NAME_COLUMN = { commune: "Nom de la commune", epci: "Nom de l'EPCI" } as const;
export const EPCI_COLUMN = "EPCI";
const CODE_DEFINITION = {
  commune: "Code officiel géographique de la commune (INSEE, 5 caractères)",
  epci: "Numéro SIREN de l'EPCI (9 chiffres)",
  iris: "Code IRIS (9 caractères : le code de la commune puis 4 chiffres)",
};

export const levelOf = (source: Source): Template["level"] =>
  "level" in source.code && source.code.level === "epci" ? "epci" : "level" in source.code && source.code.iris ? "iris" : "commune";

/** A vintage as a file name part: « 4e trimestre 2023 » → 4e-trimestre-2023. */
const slug = (text: string) =>
  text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

/** The template of a partner source (see templateProblem first). */
export function templateOf(source: Source, territories: Territories): Template {
  const level = levelOf(source);
  const epciNames = new Map(territories.epcis.map((e) => [e.code, e.name]));
  const rows: TemplateRow[] =
    level === "epci"
      ? territories.epcis.map((e) => ({ code: e.code, name: e.name }))
      : level === "iris"
        ? []
        : territories.communes.map((c) => ({ code: c.code, name: c.name, epci: epciNames.get(c.epci) ?? c.epci }));
  const { producer, dataset, vintage, licence } = source;
  return {
    sourceId: source.id,
    ...{ producer, dataset, vintage, licence },
    fileBase: `${source.id}_${slug(source.vintage)}`,
    level,
    sheet: source.sheet ?? (level === "epci" ? "EPCI" : level === "iris" ? "IRIS" : "Communes"),
    columns: templateColumns(source),
    rows: [...rows].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)),
    secret: source.secretTokens[0] ?? "s",
    contact: source.partner!.contact,
    deadline: source.partner!.deadline,
    departement: territories.departement.name,
  };
}
