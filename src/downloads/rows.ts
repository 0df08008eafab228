// The open-data rows of a portrait or a commune sheet: one per indicator and level, with status and provenance.
// Secret values stay secret here too: no value, no numerator, no denominator.
import type { PortraitModel } from "../model/types";

export interface DataRow {
  indicateur: string;
  libelle: string;
  niveau: string;
  code_territoire: string;
  territoire: string;
  valeur: number | null;
  unite: string;
  statut: string;
  numerateur: number | null;
  denominateur: number | null;
  source: string;
  millesime: string;
  licence: string;
}

export const COLUMNS: (keyof DataRow)[] = [
  "indicateur", "libelle", "niveau", "code_territoire", "territoire", "valeur", "unite",
  "statut", "numerateur", "denominateur", "source", "millesime", "licence",
];

const LEVEL_NAMES: Record<string, string> = {
  commune: "commune", epci: "EPCI", group: "niveau intermédiaire", departement: "département", region: "région", france: "France",
};
const STATUS_NAMES: Record<string, string> = {
  ok: "publiée", secret: "secret statistique", missing: "non disponible", "not-applicable": "non disponible à cette échelle",
};

type Described = Pick<PortraitModel, "territories" | "indicators">;
type Indicator = Described["indicators"][string];

/** Each territory's name by "level:code", for dataRow. */
export const territoryNames = (model: Pick<Described, "territories">): Map<string, string> => new Map(model.territories.map((t) => [`${t.level}:${t.code}`, t.name]));

/** The rows of a portrait, or of a commune sheet (whose commune values carry no numerator nor denominator). */
export function dataRows(model: Described): DataRow[] {
  const names = territoryNames(model);
  return Object.values(model.indicators).flatMap((ind) => ind.values.map((v) => dataRow(ind, v, names)));
}

/** The row of one value of `ind`. */
export function dataRow(ind: Indicator, v: Indicator["values"][number], names: Map<string, string>): DataRow {
  const shown = v.status === "ok";
  return {
    indicateur: ind.id,
    libelle: ind.label,
    niveau: LEVEL_NAMES[v.level],
    code_territoire: v.code,
    territoire: names.get(`${v.level}:${v.code}`) ?? v.code,
    valeur: shown ? (v.value ?? null) : null,
    unite: ind.unit,
    statut: STATUS_NAMES[v.status] + (v.approximate ? " (approchée)" : ""),
    numerateur: shown ? (v.numerator ?? null) : null,
    denominateur: shown ? (v.denominator ?? null) : null,
    source: `${ind.provenance.producer} — ${ind.provenance.dataset}`,
    millesime: ind.provenance.vintage,
    licence: ind.provenance.licence,
  };
}
