// The methods page's wordings: the catalogue by theme, how each indicator is aggregated, whether it
// is shown, and the downloads.
import { isCountUnit } from "../format/unit";
import type { SiteModel } from "../model/types";
import { portraitHref } from "./search";
import { THEME_LABELS } from "./labels";

export type CatalogueEntry = SiteModel["catalogue"][number];

const AGGREGATION: Record<string, string> = {
  count: "Additionné : les effectifs des communes sont sommés pour chaque territoire.",
  sum:
    "Additionné : les effectifs des communes (numérateur et dénominateur) sont sommés pour chaque territoire, " +
    "puis le rapport est calculé. La valeur de l'intercommunalité se recalcule donc exactement à partir de ses communes.",
  published:
    "Publié : la valeur est celle que diffuse le producteur pour chaque territoire (médiane, taux calculé sur des " +
    "données individuelles…). Elle ne s'obtient pas en additionnant les communes, et n'existe donc pas pour un " +
    "regroupement que le producteur ne publie pas.",
};

/** How the indicator goes from communes to larger territories, in plain French. */
export function aggregationText(entry: Pick<CatalogueEntry, "aggregation" | "unit">): string {
  const key = entry.aggregation === "sum" && isCountUnit(entry.unit) ? "count" : entry.aggregation;
  return AGGREGATION[key] ?? entry.aggregation;
}

/** Shown in the portraits, computed but not shown, or not computable with the configured sources. */
export function catalogueStatus(entry: Pick<CatalogueEntry, "computed" | "inPlan">): string {
  if (!entry.computed) return "Non calculable dans cette configuration : une source qu'il demande n'est pas fournie.";
  return entry.inPlan ? "Présent dans les portraits." : "Calculable, mais absent du plan des portraits.";
}

/** The catalogue grouped by theme, in the themes' order, each theme's indicators by label. */
export function catalogueByTheme(catalogue: CatalogueEntry[]): { theme: string; title: string; indicators: CatalogueEntry[] }[] {
  return Object.entries(THEME_LABELS).flatMap(([theme, title]) => {
    const indicators = catalogue.filter((c) => c.theme === theme).sort((a, b) => a.label.localeCompare(b.label, "fr"));
    return indicators.length ? [{ theme, title, indicators }] : [];
  });
}

/** One link per published portrait's data, by EPCI name. */
export function downloadLinks(site: Pick<SiteModel, "base" | "epcis">): { name: string; csv: string; json: string }[] {
  return site.epcis
    .filter((e) => e.agreement.signed)
    .map((e) => ({ name: e.name, page: portraitHref(site.base, e.code) }))
    .map(({ name, page }) => ({ name, csv: `${page}donnees.csv`, json: `${page}donnees.json` }))
    .sort((a, b) => a.name.localeCompare(b.name, "fr"));
}
