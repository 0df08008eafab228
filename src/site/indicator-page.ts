// An indicator's page: its description (the site model's catalogue), the département's EPCIs coloured by
// its value with the portraits' classes and legend (src/charts/choropleth.ts), and the EPCIs ranked with
// the département, the région and France. An EPCI without a signed CTG shows no value, as on its portrait.
import { choropleth, tableHtml, withChartStore, type ChartOutput, type DataTable } from "../charts";
import type { AreaNames } from "../charts/choropleth";
import { cellText } from "../charts/table";
import { NBSP } from "../format/number";
import { isShown } from "../format/value";
import type { IndicatorPageModel, SiteModel } from "../model/types";
import type { CatalogueEntry } from "./methods";

export const NO_AGREEMENT = "pas de convention territoriale globale";

const EPCIS: AreaNames = { one: "intercommunalité", many: "intercommunalités", header: "Intercommunalité", by: "par intercommunalité du département" };

const LEVEL_NAMES: Record<string, string> = { departement: "département", region: "région" };

const COMMUNES: AreaNames = { one: "commune", many: "communes", header: "Commune", by: "par commune du département" };

type PageSite = Pick<SiteModel, "catalogue" | "departement" | "maps" | "communeMaps">;

export interface IndicatorView {
  entry: CatalogueEntry;
  /** None in a configuration without geometry. */
  map?: ChartOutput;
  /** The EPCIs ranked, then the references: the map's data table too. */
  table: string;
  /** The communes' map and its data table, where the indicator has commune values and the site their outlines. */
  communeMap?: ChartOutput & { data: string; withheld: boolean };
}

export function indicatorView(model: IndicatorPageModel, site: PageSite): IndicatorView {
  const entry = site.catalogue.find((c) => c.id === model.id);
  if (!entry) throw new Error(`page d'indicateur : ${model.id} absent du catalogue du site`);
  return withChartStore(`indicateur-${model.id}`, () => {
    const communes = communeMap(model, entry, site);
    return { entry, map: epciMap(model, entry, site), table: tableHtml(rankedTable(model, entry)), ...(communes ? { communeMap: communes } : {}) };
  });
}

/** The département's communes, those whose sheet publishes nothing (an EPCI without CTG) hatched as such. */
function communeMap(model: IndicatorPageModel, entry: CatalogueEntry, site: PageSite): IndicatorView["communeMap"] {
  if (!model.communes || !site.communeMaps?.length) return undefined;
  const values = model.communes;
  const communes = site.communeMaps.map((c) => ({ ...c, value: values[c.code] ?? { status: "missing" as const }, ...(values[c.code] ? {} : { withheld: NO_AGREEMENT }) }));
  const input = { label: entry.label, unit: entry.unit, decimals: entry.decimals, territory: site.departement.name, areas: COMMUNES, communes };
  const chart = choropleth(input, { title: `${entry.label}, par commune`, wide: true });
  return { ...chart, data: tableHtml(chart.table), withheld: communes.some((c) => c.withheld) };
}

function epciMap(model: IndicatorPageModel, entry: CatalogueEntry, site: PageSite): ChartOutput | undefined {
  if (!site.maps.length) return undefined;
  const byCode = new Map(model.epcis.map((e) => [e.code, e]));
  const communes = site.maps.map((m) => {
    const epci = byCode.get(m.code);
    return { code: m.code, name: m.name, geometry: m.geometry, value: epci?.value ?? { status: "missing" as const }, ...(epci?.signed ? {} : { withheld: NO_AGREEMENT }) };
  });
  const input = { label: entry.label, unit: entry.unit, decimals: entry.decimals, territory: site.departement.name, areas: EPCIS, communes };
  return choropleth(input, { title: `${entry.label}, par intercommunalité`, wide: true });
}

const ordinal = (rank: number) => (rank === 1 ? "1er" : `${rank}e`);

/** Shown values by rank (ties by name), then the others by name, those without a CTG last; then the references. */
export function rankedTable(model: IndicatorPageModel, entry: Pick<CatalogueEntry, "label" | "unit" | "decimals">): DataTable {
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, "fr");
  const shown = model.epcis.filter((e) => e.signed && isShown(e.value)).sort((a, b) => a.rank!.rank - b.rank!.rank || byName(a, b));
  const others = model.epcis.filter((e) => e.signed && !isShown(e.value)).sort(byName);
  const unsigned = model.epcis.filter((e) => !e.signed).sort(byName);
  const cell = (e: IndicatorPageModel["epcis"][number]) => (e.signed ? cellText(e.value ?? { status: "missing" }, entry.unit, entry.decimals) : NO_AGREEMENT);
  return {
    caption: `${entry.label}${NBSP}: les intercommunalités par ordre décroissant, puis le département, la région et la France`,
    headers: ["Territoire", entry.label, "Rang"],
    rows: [
      ...[...shown, ...others, ...unsigned].map((e) => [e.name, cell(e), e.rank ? ordinal(e.rank.rank) : "—"]),
      ...model.references.map((r) => [LEVEL_NAMES[r.level] ? `${r.name} (${LEVEL_NAMES[r.level]})` : r.name, cellText(r, entry.unit, entry.decimals), "—"]),
    ],
  };
}
