// The home page: the département's map and the list of its EPCIs, each linked to its portrait.
import type { ChartOutput } from "../charts";
import { epciMap } from "../charts/epci-map";
import { formatWithUnit } from "../format/unit";
import type { SiteModel } from "../model/types";
import { natureLabel, withArticle } from "./labels";
import { portraitHref } from "./search";

export interface EpciEntry {
  /** Its number on the map, 1 for the first in alphabetical order. */
  number: number;
  code: string;
  name: string;
  href: string;
  signed: boolean;
  /** "Communauté de communes · 28 communes · 7 316 habitants", or why there is no portrait yet. */
  detail: string;
}

export function epciEntries(site: Pick<SiteModel, "base" | "epcis">): EpciEntry[] {
  return [...site.epcis]
    .sort((a, b) => a.name.localeCompare(b.name, "fr"))
    .map((e, i) => ({
      number: i + 1,
      code: e.code,
      name: e.name,
      href: portraitHref(site.base, e.code),
      signed: e.agreement.signed,
      detail: e.agreement.signed
        ? [natureLabel(e.nature), `${e.communeCount} communes`, formatWithUnit(e.population, "habitants", 0)].join(" · ")
        : "Portrait non publié : convention territoriale globale non signée",
    }));
}

/** Every EPCI of the département numbered as in the list, the unsigned ones hatched. */
export const departementMap = (site: Pick<SiteModel, "maps" | "mapFrame">, entries: EpciEntry[]): ChartOutput =>
  epciMap(
    { frame: site.mapFrame, epcis: site.maps, labels: Object.fromEntries(entries.map((e) => [e.code, String(e.number)])) },
    { wide: true, title: "Les intercommunalités du département" },
  );

/** What a portrait is, naming the levels it compares with. */
export function homeLead(site: Pick<SiteModel, "groupLevelName">): string {
  const group = site.groupLevelName ? `${withArticle(site.groupLevelName)} de rattachement, ` : "";
  return (
    "Pour chaque intercommunalité du département, un portrait en six pages compare la population, les familles, " +
    `les revenus, l'emploi, le logement et la santé avec ${group}le département, la région et la France.`
  );
}
