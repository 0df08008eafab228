// From the portrait model to the plain inputs of the chart functions (names joined by level and code).
import type { IndicatorModel, PortraitModel, SiteModel, TerritoryRef } from "../model/types";
import type { ChoroplethInput } from "./choropleth";
import type { LocatorInput } from "./locator-map";
import type { Measure, TerritoryValue } from "./types";

type Territories = Pick<PortraitModel, "epci" | "territories">;

export const measureOf = (ind: IndicatorModel): Measure => ({ label: ind.label, unit: ind.unit, decimals: ind.decimals });

/** The indicator's values (EPCI first), each with its territory's name. */
export function territoryValues(ind: IndicatorModel, model: Territories): TerritoryValue[] {
  const refs: TerritoryRef[] = [{ level: "epci", code: model.epci.code, name: model.epci.name }, ...model.territories];
  return ind.values.map(({ level, code, ...value }) => {
    const ref = refs.find((r) => r.level === level && r.code === code);
    if (!ref) throw new Error(`indicateur ${ind.id} : territoire ${level} ${code} absent du modèle`);
    return { name: ref.name, level, value };
  });
}

/** Every commune of the map with its value; a commune the indicator does not cover is "missing". */
export function communeValues(ind: IndicatorModel, model: Pick<PortraitModel, "epci" | "maps">): ChoroplethInput {
  const values = new Map(ind.communes?.map((c) => [c.code, c.value]));
  return {
    ...measureOf(ind),
    territory: model.epci.name,
    communes: model.maps.communes.map((c) => ({ ...c, value: values.get(c.code) ?? { status: "missing" } })),
  };
}

/** The portrait's EPCI over the département's shared map, the other EPCIs' CTGs from the site model. */
export function locatorOf(model: Pick<PortraitModel, "epci" | "maps">, site: Pick<SiteModel, "epcis">, background: string): LocatorInput {
  const { epci, maps } = model;
  if (!maps.outline) throw new Error(`carte de situation : pas de contour pour ${epci.name} (configuration sans géométrie)`);
  return {
    frame: maps.frame,
    current: { name: epci.name, signed: epci.agreement.signed, geometry: maps.outline },
    epciCount: site.epcis.length,
    unsigned: site.epcis.filter((e) => !e.agreement.signed && e.code !== epci.code).map((e) => e.name),
    background,
  };
}
